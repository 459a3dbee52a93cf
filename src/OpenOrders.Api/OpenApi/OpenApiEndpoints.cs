using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenOrders.Api.OpenApi;

/// <summary>
/// What an endpoint says about itself in the document, written next to its <c>Map…</c> call: its conditional
/// headers, its idempotency key, its examples and its problem answers with their own schemas.
/// </summary>
public static class OpenApiEndpoints
{
    /// <summary>The answer carries the order's version as a strong ETag.</summary>
    public static RouteHandlerBuilder WithETag(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var (status, response) in operation.Responses ?? [])
                if (status.StartsWith('2') && response is OpenApiResponse ok)
                {
                    ok.Headers ??= new Dictionary<string, IOpenApiHeader>();
                    ok.Headers["ETag"] = new OpenApiHeader
                    {
                        Description = "The order's version, a strong entity tag such as \"3\": send it back in " +
                            "If-Match to change the order, or in If-None-Match to read it only when it changed.",
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^\"[0-9]+\"$" },
                    };
                }
            return Task.CompletedTask;
        });

    /// <summary>
    /// If-Match with the ETag last read: 412 when the order changed since. Required (428 without it) or optional.
    /// </summary>
    public static RouteHandlerBuilder WithIfMatch(this RouteHandlerBuilder endpoint, bool required) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = required,
                Description = required
                    ? "The order's ETag as last read: the change is made only if the order is still that version."
                    : "The order's ETag as last read: when sent, the change is made only if the order is still " +
                      "that version.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            Problem(operation, context.Document, "412",
                "The order changed since the ETag in If-Match: read it again (currentETag names its version).",
                "StaleOrderProblem");
            if (required)
                Problem(operation, context.Document, "428", "If-Match is missing.", "ProblemDetails");
            return Task.CompletedTask;
        });

    /// <summary>If-None-Match with an ETag: 304 without a body when the order has not changed.</summary>
    public static RouteHandlerBuilder WithIfNoneMatch(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-None-Match",
                In = ParameterLocation.Header,
                Description = "An ETag read before: the answer is 304 without a body while the order is that version.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
            operation.Responses ??= new OpenApiResponses();
            operation.Responses["304"] = new OpenApiResponse { Description = "Not modified since the ETag sent." };
            return Task.CompletedTask;
        });

    /// <summary>The 200 also comes as CSV when the Accept header ranks text/csv first (the JSON stays the default).
    /// </summary>
    public static RouteHandlerBuilder WithCsvAlternative(this RouteHandlerBuilder endpoint) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var ok = operation.Responses?["200"] as OpenApiResponse
                ?? throw new InvalidOperationException($"{operation.OperationId} has no 200 to give as CSV.");
            ok.Content ??= new Dictionary<string, OpenApiMediaType>();
            ok.Content["text/csv"] = new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String } };
            return Task.CompletedTask;
        });

    /// <summary>The Idempotency-Key header read by the handler, with its limits.</summary>
    public static RouteHandlerBuilder WithIdempotencyKey(this RouteHandlerBuilder endpoint, int maxLength) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>()
                         .Where(p => p.Name == "Idempotency-Key"))
            {
                parameter.Description = "Any unique text, such as a GUID: a retry with the same key and body gets " +
                    "the " +
                    "first answer again instead of a second order; the same key with another body is refused (422).";
                parameter.Schema = new OpenApiSchema
                    { Type = JsonSchemaType.String, MinLength = 1, MaxLength = maxLength };
            }
            return Task.CompletedTask;
        });

    /// <summary>
    /// A captured example (OpenApi/Examples/NAME.json) for the request body ("request") or an answer.
    /// </summary>
    public static RouteHandlerBuilder WithExample(this RouteHandlerBuilder endpoint, string where, string name) =>
        endpoint.AddOpenApiOperationTransformer((operation, _, _) =>
        {
            var content = where == "request"
                ? operation.RequestBody?.Content
                : operation.Responses?.TryGetValue(where, out var response) == true ? response.Content : null;
            foreach (var media in content?.Values ?? [])
                if (media is OpenApiMediaType m) m.Example = Example(name);
            return Task.CompletedTask;
        });

    /// <summary>
    /// A problem answer whose body has more than RFC 9457's members, by the component that says which.
    /// </summary>
    public static RouteHandlerBuilder ProducesProblem(this RouteHandlerBuilder endpoint, int status, string schema,
        string description) =>
        endpoint.ProducesProblem(status).AddOpenApiOperationTransformer((operation, context, _) =>
        {
            Problem(operation, context.Document, status.ToString(System.Globalization.CultureInfo.InvariantCulture),
                description, schema);
            return Task.CompletedTask;
        });

    /// <summary>The request body is a JSON merge patch (RFC 7396) with the named schema.</summary>
    public static RouteHandlerBuilder AcceptsMergePatch(this RouteHandlerBuilder endpoint, string schema) =>
        endpoint.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            var media = new OpenApiMediaType { Schema = new OpenApiSchemaReference(schema, context.Document) };
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = "A JSON merge patch (RFC 7396): only the properties to change; null clears one.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/merge-patch+json"] = media,
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(schema, context.Document) },
                },
            };
            return Task.CompletedTask;
        });

    internal static JsonNode Example(string name)
    {
        using var stream = typeof(OpenApiEndpoints).Assembly.GetManifestResourceStream($"openapi.{name}.json")
                           ?? throw new InvalidOperationException($"No OpenAPI example '{name}'.");
        return JsonNode.Parse(stream)!;
    }

    private static void Problem(OpenApiOperation operation, OpenApiDocument? document, string status,
        string description, string schema)
    {
        operation.Responses ??= new OpenApiResponses();
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }
}
