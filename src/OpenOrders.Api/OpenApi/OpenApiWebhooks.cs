using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.OpenApi;

/// <summary>
/// The notifications a subscriber receives, in the document's <c>webhooks</c> section (OpenAPI 3.1): one entry per
/// webhook of <see cref="Webhook.All"/>, with the body's schema, the Standard Webhooks headers and an example; the
/// events feed's items name their resource and action with the same enums.
/// </summary>
public static class OpenApiWebhooks
{
    public const string Notification = "WebhookNotification";

    public static async Task TransformDocumentAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Components ??= new OpenApiComponents();
        var schemas = document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        schemas["WebhookResource"] = Enum("The resource a notification is about.",
            Webhook.All.Select(w => w.Resource).Distinct());
        schemas["WebhookAction"] = Enum("What happened to it.", Webhook.All.Select(w => w.Action).Distinct());

        var body = await context.GetOrCreateSchemaAsync(typeof(WebhookBody), null, ct);
        if (body is OpenApiSchema { Properties: { } properties } notification)
        {
            notification.Description = "The body of every delivery, in the original marketplace's shape.";
            properties["eventData"] = new OpenApiSchema
            {
                OneOf = [new OpenApiSchemaReference("OrderResponse", document),
                    new OpenApiSchema { Type = JsonSchemaType.Null }],
                Description =
                    "The order as it was when the notification was sent (a test event sends {\"test\": true}).",
            };
            Typed(properties, document);
            if (properties.TryGetValue("webhookCallbackSecurity", out var security) && security is OpenApiSchema s)
            {
                s.Description = "The original's signature: hash = Base64(SHA-256(UTF-8(dateNotification + action + " +
                    "urlReference + nonce + sharedSecret))).";
                s.Required = new HashSet<string>(s.Properties?.Keys ?? []);
                schemas["WebhookCallbackSecurity"] = s;
                properties["webhookCallbackSecurity"] = new OpenApiSchemaReference("WebhookCallbackSecurity", document);
            }
            if (properties.TryGetValue("dateNotification", out var date) && date is OpenApiSchema when)
                when.Description = "When it was sent, in UTC with milliseconds (yyyy-MM-ddTHH:mm:ss.fffZ): the hash " +
                    "is computed over this very text, so keep it as text.";
            notification.Required = new HashSet<string>(properties.Keys);
        }
        schemas[Notification] = body;
        if (schemas.TryGetValue("EventResponse", out var item) && item is OpenApiSchema { Properties: { } fields })
            Typed(fields, document);

        document.Webhooks = new Dictionary<string, IOpenApiPathItem>();
        foreach (var webhook in Webhook.All)
            document.Webhooks[$"{webhook.Resource}.{webhook.Action}"] = Entry(webhook, document);
    }

    private static void Typed(IDictionary<string, IOpenApiSchema> properties, OpenApiDocument document)
    {
        properties["resource"] = new OpenApiSchemaReference("WebhookResource", document);
        properties["action"] = new OpenApiSchemaReference("WebhookAction", document);
    }

    private static OpenApiSchema Enum(string description, IEnumerable<string> values) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)v)],
        Description = $"{description} {OpenApiSchemas.MayGrow}",
    };

    private static OpenApiPathItem Entry(Webhook webhook, OpenApiDocument document)
    {
        var name = $"{webhook.Resource} {webhook.Action}";
        var operation = new OpenApiOperation
        {
            OperationId = "on" + string.Concat($"{webhook.Resource}-{webhook.Action}".Split('-')
                .Select(w => char.ToUpperInvariant(w[0]) + w[1..])),
            Summary = $"Notification: {name}",
            Description = $"Sent to the callback URL of every subscription to webhook {webhook.Id} ({name}). " +
                "Verify the webhook-signature header (Standard Webhooks) or webhookCallbackSecurity.hash, then " +
                "answer 2xx within 10 seconds; any other answer is retried for days with the same webhook-id.",
            Tags = new HashSet<OpenApiTagReference> { new("Webhooks", document) },
            Security = [],
            Parameters =
            [
                Header("webhook-id", "The delivery's id, the same on every retry: use it to drop duplicates."),
                Header("webhook-timestamp", "Unix seconds when it was sent: refuse one far from now."),
                Header("webhook-signature",
                    "v1,Base64(HMAC-SHA256(secret, webhook-id.webhook-timestamp.body)), one per secret in use " +
                    "(two during a rotation), space-separated."),
            ],
            RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchemaReference(Notification, document),
                        Example = Example(webhook),
                    },
                },
            },
            Responses = new OpenApiResponses
            {
                ["200"] = new OpenApiResponse { Description = "Received (any 2xx counts)." },
                ["default"] = new OpenApiResponse { Description = "Not received: the delivery is retried." },
            },
        };
        return new OpenApiPathItem
            { Operations = new Dictionary<HttpMethod, OpenApiOperation> { [HttpMethod.Post] = operation } };
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Required = true, Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    /// <summary>A delivery as the demo world's order would be sent (OpenApi/Examples/order.json).</summary>
    private static JsonObject Example(Webhook webhook)
    {
        var order = OpenApiEndpoints.Example("order");
        var transition = OpenApiEndpoints.Example("status-transition");
        var url = webhook == Webhook.StatusTransitionCreated
            ? (string)transition["url"]!
            : ((string)transition["url"]!).Replace($"order-status-transitions/{transition["id"]}",
                $"orders/{order["id"]}", StringComparison.Ordinal);
        return new JsonObject
        {
            ["webhookSubscriptionId"] = "0193d3f2-5c1a-7d43-a0c2-3f6b1e9d2a77",
            ["resource"] = webhook.Resource,
            ["action"] = webhook.Action,
            ["dateNotification"] = "2026-11-30T09:15:02.123Z",
            ["urlReference"] = url,
            ["eventData"] = order,
            ["modifiedFields"] = webhook == Webhook.OrderModified ? new JsonArray("status") : new JsonArray(),
            ["webhookCallbackSecurity"] = new JsonObject
            {
                ["nonce"] = "9f2c4b1a7e6d5c3b2a1f0e9d8c7b6a59",
                ["hash"] = "q5Qm0bX2r9c0oY4H2cFJt0t3dX1yq8o3b9y2kz4Qe0s=",
            },
        };
    }
}
