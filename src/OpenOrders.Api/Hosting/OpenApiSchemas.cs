using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// Makes the generated schemas say what the server does. An enum is a string and never null itself (a nullable
/// enum property is <c>oneOf [null, the enum]</c>, so a null matches exactly one branch); a decimal is a number.
/// </summary>
public static class OpenApiSchemas
{
    /// <summary>
    /// What each request body must hold, as the handlers answer "Required." when it is missing; everything else is
    /// optional (a merge patch or a PATCH of the catalog is partial, so its schema requires nothing). A test sends
    /// <c>{}</c> to every operation and checks these lists against the server's answers.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> RequiredProperties = new Dictionary<string, string[]>
    {
        ["CreateOrderRequest"] = ["productReference", "orderType", "customer"],
        ["StatusTransitionRequest"] = ["status"],
        ["OrderLineRequest"] = ["invoiceOnBehalfOfName", "invoiceOnBehalfOfVatNumber"],
        ["AccountRequest"] = ["name"], ["ProviderRequest"] = ["name"], ["AssortmentRequest"] = ["name"],
        ["CourseRequest"] = ["name", "orderType", "learningMethod", "priceComponents"],
        ["LearningMethodRequest"] = ["name", "format", "planning"], ["PlanningRequest"] = ["type"],
        ["StartMomentRequest"] = ["externalId", "date"],
        ["PriceComponentRequest"] = ["costType", "amountWithoutVat", "vatPercentage"],
        ["LegalCompanyRequest"] = ["name", "vatNumber"], ["PromotionalCodeRequest"] = ["discountPercentage"],
        ["ClientRequest"] = ["name", "role"], ["PersonRequest"] = ["email", "role"],
        ["SubscriptionRequest"] = ["webhookId", "callbackUrl"], ["RotateSecretRequest"] = [],
        ["RecoverRequest"] = ["since"], ["NoteRequest"] = ["text"],
        ["CustomerRequest"] = [], ["AddressRequest"] = [], ["CustomAttributesRequest"] = [],
    };

    /// <summary>The bodies a PATCH sends only in part (absent properties keep their value).</summary>
    private static readonly HashSet<string> PartialOnPatch = ["AccountRequest", "ProviderRequest", "AssortmentRequest"];

    public static Task TransformAsync(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Type = JsonSchemaType.String;
            foreach (var none in values.Where(v => v is null).ToList()) values.Remove(none);
        }
        // A list's schema names what it holds (generated schemas of string[] leave it out).
        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is null
            && context.JsonTypeInfo.ElementType is { } element && Primitive(element) is { } item)
            schema.Items = new OpenApiSchema { Type = item };
        if (underlying == typeof(decimal))
            schema.Type = underlying == type ? JsonSchemaType.Number : JsonSchemaType.Number | JsonSchemaType.Null;
        return Task.CompletedTask;
    }

    /// <summary>
    /// Once every schema exists: request bodies require what the server requires, and a PATCH body (partial by nature)
    /// gets a copy of its schema that requires nothing, named "…Patch".
    /// </summary>
    public static Task TransformDocumentAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext _, CancellationToken __)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null) return Task.CompletedTask;
        if (document.Paths is null) return Task.CompletedTask;
        foreach (var operation in document.Paths.Values.SelectMany(p => p.Operations ?? [])
                     .Where(o => o.Key == HttpMethod.Patch).Select(o => o.Value))
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id }
                    && schemas.TryGetValue(id, out var full)
                    && full is OpenApiSchema whole && PartialOnPatch.Contains(id))
                {
                    var patch = $"{id.Replace("Request", "", StringComparison.Ordinal)}Patch";
                    if (!schemas.ContainsKey(patch) && whole.CreateShallowCopy() is OpenApiSchema copy)
                    {
                        (copy.Required, copy.Description) = (new HashSet<string>(), "Only the properties to change.");
                        // Its own property schemas: the full body's lose their null below, a patch's keep it.
                        copy.Properties = whole.Properties?.ToDictionary(p => p.Key, p => p.Value.CreateShallowCopy());
                        schemas[patch] = copy;
                    }
                    media.Schema = new OpenApiSchemaReference(patch, document);
                }
        foreach (var (name, required) in RequiredProperties)
            if (schemas.TryGetValue(name, out var schema) && schema is OpenApiSchema inline) Require(inline, required);
        Limit(schemas);
        DescribeProblems(schemas);
        return Task.CompletedTask;
    }

    /// <summary>
    /// RFC 9457's members with their types, and room for the extensions every answer of ours may carry
    /// (<c>traceId</c>, <c>errors</c>, <c>allowedStatuses</c>, <c>currentETag</c>).
    /// </summary>
    private static void DescribeProblems(IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var name in new[] { "ProblemDetails", "HttpValidationProblemDetails" })
        {
            if (!schemas.TryGetValue(name, out var s) || s is not OpenApiSchema { Properties: { } properties } problem)
                continue;
            properties["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null,
                Description = "A URI naming the kind of problem." };
            properties["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
            properties["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
            properties["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null };
            properties["traceId"] = new OpenApiSchema { Type = JsonSchemaType.String,
                Description = "The W3C trace id, to quote when reporting." };
            // any extension member: an empty schema says so outright
            problem.AdditionalProperties = new OpenApiSchema();
        }
    }

    /// <summary>The limits the handlers enforce, where a property's type alone does not say them.</summary>
    private static void Limit(IDictionary<string, IOpenApiSchema> schemas)
    {
        void Set(string schema, string property, Action<OpenApiSchema> limit)
        {
            if (schemas.TryGetValue(schema, out var s) && s is OpenApiSchema { Properties: { } properties }
                && properties.TryGetValue(property, out var p) && p is OpenApiSchema inline) limit(inline);
        }
        void Percentage(OpenApiSchema p) => (p.Minimum, p.Maximum) = ("0", "100");
        // An order's texts take what OrderProperties says, which the create and update checks read too.
        foreach (var (schema, prefix) in new[] { ("CreateOrderRequest", ""), ("CustomerRequest", "customer."),
                     ("AddressRequest", "customer.address."), ("CustomAttributesRequest", "customAttributes.") })
            if (schemas.TryGetValue(schema, out var body) && body is OpenApiSchema { Properties: { } texts })
                foreach (var (name, property) in texts)
                    if (Domain.Orders.OrderProperties.Find(prefix + name)?.MaxLength is { } max
                            && property is OpenApiSchema text)
                        text.MaxLength = max;
        Set("AccountRequest", "accountFeePercentage", Percentage);
        Set("ProviderRequest", "providerFeePercentage", Percentage);
        Set("PromotionalCodeRequest", "discountPercentage", Percentage);
        Set("PriceComponentRequest", "vatPercentage", Percentage);
        foreach (var body in new[] { "SubscriptionRequest", "RotateSecretRequest" })
            Set(body, "sharedSecret", p => (p.MinLength, p.MaxLength) = (16, 200));
        Set("SubscriptionRequest", "callbackUrl", p => (p.MaxLength, p.Format) = (2000, "uri"));
        // A status by name (the guide's aliases included), and the roles a client or person can have.
        Set("StatusTransitionRequest", "status", p =>
        {
            p.Type = JsonSchemaType.String;
            p.Enum = [.. Enum.GetNames<Domain.Orders.OrderStatus>()
                .Concat(Domain.Orders.OrderStatusMachine.Aliases.Keys)
                .Select(n => (System.Text.Json.Nodes.JsonNode)n)];
        });
        foreach (var body in new[] { "ClientRequest", "PersonRequest" })
            if (schemas.TryGetValue(body, out var s) && s is OpenApiSchema { Properties: { } properties })
                properties["role"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. new[] { Domain.Role.Account, Domain.Role.Provider, Domain.Role.Admin }
                        .Select(r => (System.Text.Json.Nodes.JsonNode)r.ToString())],
                };
    }

    /// <summary>
    /// Only what the server requires is required, and that may not be null; the rest may be left out or null.
    /// </summary>
    private static void Require(OpenApiSchema schema, string[] required)
    {
        schema.Required = new HashSet<string>(required);
        foreach (var name in required)
            if (schema.Properties?.TryGetValue(name, out var property) == true
                    && property is OpenApiSchema { Type: { } t } inline)
                inline.Type = t & ~JsonSchemaType.Null;
    }

    private static JsonSchemaType? Primitive(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) || t == typeof(Guid) || t.IsEnum => JsonSchemaType.String,
        var t when t == typeof(int) || t == typeof(long) => JsonSchemaType.Integer,
        var t when t == typeof(decimal) || t == typeof(double) => JsonSchemaType.Number,
        var t when t == typeof(bool) => JsonSchemaType.Boolean,
        _ => null,
    };
}
