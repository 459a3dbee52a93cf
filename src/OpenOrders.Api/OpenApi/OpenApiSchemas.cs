using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.OpenApi;

/// <summary>
/// Makes the generated schemas say what the server does, precisely enough for client generators: every property has
/// a type (text read by our own converter would otherwise have none), money is a decimal, enums are strings that may
/// grow, required properties (<c>[Required]</c> on the request records) are required and never null.
/// </summary>
public static class OpenApiSchemas
{
    /// <summary>Said by every enumeration: clients keep a value they do not know instead of failing.</summary>
    public const string MayGrow =
        "New values may be added: a client should keep a value it does not know rather than fail.";

    public static Task TransformAsync(
        OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var property = context.JsonPropertyInfo;
        var required = property is not null && IsRequired(property);
        var nullable = !required && (property is null
            ? Nullable.GetUnderlyingType(type) is not null
            : property.IsGetNullable || property.IsSetNullable || Nullable.GetUnderlyingType(type) is not null);
        if (underlying.IsEnum && schema.Enum is { Count: > 0 } values)
        {
            schema.Type = JsonSchemaType.String;
            foreach (var none in values.Where(v => v is null).ToList()) values.Remove(none);
            schema.Description = MayGrow;
        }
        if (type == typeof(string) && property is not null)
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            schema.Format ??= TextFormat(property.Name);
        }
        else if (type == typeof(string) && context.ParameterDescription is not null)
            schema.Type = JsonSchemaType.String;
        // A list's schema names what it holds (generated schemas of string[] leave it out).
        if (schema.Type is { } kind && kind.HasFlag(JsonSchemaType.Array) && schema.Items is null
            && context.JsonTypeInfo.ElementType is { } element && Primitive(element) is { } item)
            schema.Items = new OpenApiSchema { Type = item };
        if (underlying == typeof(decimal))
            (schema.Type, schema.Format) =
                (nullable ? JsonSchemaType.Number | JsonSchemaType.Null : JsonSchemaType.Number, "decimal");
        if (required && schema.Type is { } t) schema.Type = t & ~JsonSchemaType.Null;
        return Task.CompletedTask;
    }

    /// <summary>Required on the request record (a positional record's parameter or a property).</summary>
    public static bool IsRequired(JsonPropertyInfo property) =>
        Has(property.AttributeProvider) || Has(property.AssociatedParameter?.AttributeProvider);

    private static bool Has(ICustomAttributeProvider? provider) =>
        provider?.IsDefined(typeof(RequiredAttribute), inherit: false) == true;

    /// <summary>The format a text's name implies: links are URIs, addresses e-mail addresses.</summary>
    private static string? TextFormat(string name) =>
        name.Equals("url", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Url", StringComparison.Ordinal)
            || name.EndsWith("UrlReference", StringComparison.Ordinal)
            || name.Equals("urlReference", StringComparison.OrdinalIgnoreCase) ? "uri"
        : name.Equals("email", StringComparison.OrdinalIgnoreCase) || name.EndsWith("Email", StringComparison.Ordinal)
            || name.EndsWith("EmailAddress", StringComparison.Ordinal) ? "email"
        : null;

    /// <summary>
    /// Once every schema exists: required lists from the records, PATCH bodies (partial by nature) as "…Patch" copies
    /// that require nothing, the order's merge patch, the problem answers with their extensions, the limits.
    /// </summary>
    public static Task TransformDocumentAsync(
        OpenApiDocument document, OpenApiDocumentTransformerContext _, CancellationToken __)
    {
        var schemas = document.Components?.Schemas;
        if (schemas is null || document.Paths is null) return Task.CompletedTask;
        foreach (var (name, schema) in schemas)
            if (schema is OpenApiSchema { Properties: { } properties } inline && RecordOf(name) is { } record)
            {
                var required = record.GetProperties()
                    .Where(p => p.IsDefined(typeof(RequiredAttribute)) || Parameter(record, p.Name)?
                        .IsDefined(typeof(RequiredAttribute)) == true)
                    .Select(p => JsonName(p.Name)).Where(properties.ContainsKey).ToHashSet();
                inline.Required = required;
                // a required enum or object is that schema itself, not "null or it"
                foreach (var name2 in required)
                    if (properties[name2] is OpenApiSchema { OneOf: { Count: 2 } branches }
                        && branches.FirstOrDefault(b => b is OpenApiSchemaReference) is { } only)
                        properties[name2] = only;
            }
        PartialPatches(document, schemas);
        schemas["OrderPatch"] = OrderPatch(document);
        DescribeProblems(document, schemas);
        Limit(schemas);
        OneStatusEnum(document, schemas);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A move names its target with the statuses' one enum; the guide's older names are understood as well.
    /// </summary>
    private static void OneStatusEnum(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        if (schemas.TryGetValue("StatusTransitionRequest", out var s) && s is OpenApiSchema { Properties: { } body })
            body["status"] = new OpenApiSchemaReference(nameof(OrderStatus), document)
            {
                Description = "The status to move to. Also accepted as input, for the guide's older names: " +
                    string.Join(", ", OrderStatusMachine.Aliases.Select(a => $"{a.Key} (= {a.Value})")) + ".",
            };
    }

    private static readonly Dictionary<string, Type> Records = typeof(OpenApiSchemas).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("Request", StringComparison.Ordinal)
                    || t.Name.EndsWith("Patch", StringComparison.Ordinal))
        .GroupBy(t => t.Name).ToDictionary(g => g.Key, g => g.First());

    private static Type? RecordOf(string schema) => Records.GetValueOrDefault(schema);

    private static ParameterInfo? Parameter(Type record, string name) => record.GetConstructors()
        .SelectMany(c => c.GetParameters()).FirstOrDefault(p => p.Name == name);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    /// <summary>The catalog's PATCH bodies: a copy of the create body that requires nothing.</summary>
    private static void PartialPatches(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
    {
        foreach (var operation in document.Paths!.Values.SelectMany(p => p.Operations ?? [])
                     .Where(o => o.Key == HttpMethod.Patch).Select(o => o.Value))
            foreach (var media in operation.RequestBody?.Content?.Values ?? [])
                if (media.Schema is OpenApiSchemaReference { Reference.Id: { } id } && id.EndsWith("Request")
                    && schemas.TryGetValue(id, out var full) && full is OpenApiSchema whole
                    && id is "AccountRequest" or "ProviderRequest" or "AssortmentRequest")
                {
                    var patch = $"{id.Replace("Request", "", StringComparison.Ordinal)}Patch";
                    if (!schemas.ContainsKey(patch) && whole.CreateShallowCopy() is OpenApiSchema copy)
                    {
                        (copy.Required, copy.Description) = (new HashSet<string>(), "Only the properties to change.");
                        copy.Properties = whole.Properties?.ToDictionary(p => p.Key, p => OrNull(p.Value));
                        schemas[patch] = copy;
                    }
                    media.Schema = new OpenApiSchemaReference(patch, document);
                }
    }

    private static IOpenApiSchema OrNull(IOpenApiSchema property)
    {
        var copy = property.CreateShallowCopy();
        if (copy is OpenApiSchema { Type: { } t } inline && !t.HasFlag(JsonSchemaType.Array))
            inline.Type = t | JsonSchemaType.Null;
        return copy;
    }

    /// <summary>
    /// The order's merge patch, from the one catalogue of settable properties (Domain/Orders/OrderProperties): each
    /// with its type and longest value; null clears a property, except those that cannot be cleared.
    /// </summary>
    private static OpenApiSchema OrderPatch(OpenApiDocument document)
    {
        var root = Object("The properties to change, as a JSON merge patch (RFC 7396): absent keeps the value, null " +
            "clears it. Which ones a role may change depends on the order's status; a refused one is named in a 422.");
        foreach (var property in OrderProperties.All)
        {
            var path = property.Name.Split('.');
            var parent = root;
            foreach (var group in path[..^1])
            {
                parent.Properties ??= new Dictionary<string, IOpenApiSchema>();
                if (!parent.Properties.TryGetValue(group, out var child))
                    parent.Properties[group] = child = Object($"Only the {group} properties to change.");
                parent = (OpenApiSchema)child;
            }
            parent.Properties ??= new Dictionary<string, IOpenApiSchema>();
            parent.Properties[path[^1]] = PatchProperty(property, document);
        }
        return root;
    }

    private static OpenApiSchema Object(string description) => new()
    {
        Type = JsonSchemaType.Object, Description = description, Properties = new Dictionary<string, IOpenApiSchema>(),
    };

    private static IOpenApiSchema PatchProperty(OrderProperty property, OpenApiDocument document)
    {
        var type = property.Type;
        if (type == typeof(OrderType))
            return new OpenApiSchemaReference(nameof(OrderType), document);
        if (type == typeof(Guid))
            return new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" };
        if (type == typeof(int))
            return new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" };
        if (type == typeof(DateOnly))
            return new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null, Format = "date" };
        var text = new OpenApiSchema
        {
            Type = JsonSchemaType.String | JsonSchemaType.Null,
            MaxLength = property.MaxLength,
            Format = TextFormat(property.Name.Split('.')[^1]),
        };
        if (property.Name == "acceptedStartMomentId")
            text.Description = "A start moment of the course, by its externalId or its id; the order answers with " +
                "its id.";
        return text;
    }

    /// <summary>
    /// RFC 9457's members with their types, room for the extensions every answer of ours may carry, and the two
    /// answers with extensions of their own: a refused move (409) lists where the order may go, a stale If-Match
    /// (412) names the current version.
    /// </summary>
    private static void DescribeProblems(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas)
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
        schemas["RefusedMoveProblem"] = Extending(document, "A status move the table does not allow now.",
            "allowedStatuses", new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchemaReference(nameof(OrderStatus), document),
                Description = "The statuses the caller may move the order to now (empty when none).",
            });
        schemas["StaleOrderProblem"] = Extending(document, "The order changed since the ETag sent in If-Match.",
            "currentETag", new OpenApiSchema
            {
                Type = JsonSchemaType.String,
                Description = "The order's ETag now: read the order again, then retry with it.",
            });
    }

    private static OpenApiSchema Extending(OpenApiDocument document, string description, string name,
        OpenApiSchema extension) => new()
    {
        Description = description,
        AllOf =
        [
            new OpenApiSchemaReference("ProblemDetails", document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { [name] = extension },
            },
        ],
    };

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
                    if (OrderProperties.Find(prefix + name)?.MaxLength is { } max && property is OpenApiSchema text)
                        text.MaxLength = max;
        Set("AccountRequest", "accountFeePercentage", Percentage);
        Set("ProviderRequest", "providerFeePercentage", Percentage);
        Set("PromotionalCodeRequest", "discountPercentage", Percentage);
        Set("PriceComponentRequest", "vatPercentage", Percentage);
        foreach (var body in new[] { "SubscriptionRequest", "RotateSecretRequest" })
            Set(body, "sharedSecret", p => (p.MinLength, p.MaxLength) = (16, 200));
        Set("SubscriptionRequest", "callbackUrl", p => (p.MaxLength, p.Format) = (2000, "uri"));
        foreach (var body in new[] { "ClientRequest", "PersonRequest" })
            if (schemas.TryGetValue(body, out var s) && s is OpenApiSchema { Properties: { } properties })
                properties["role"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Enum = [.. new[] { Domain.Role.Account, Domain.Role.Provider, Domain.Role.Admin }
                        .Select(r => (JsonNode)r.ToString())],
                };
    }

    private static JsonSchemaType? Primitive(Type type) => (System.Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) || t == typeof(Guid) || t.IsEnum => JsonSchemaType.String,
        var t when t == typeof(int) || t == typeof(long) => JsonSchemaType.Integer,
        var t when t == typeof(decimal) || t == typeof(double) => JsonSchemaType.Number,
        var t when t == typeof(bool) => JsonSchemaType.Boolean,
        _ => null,
    };
}
