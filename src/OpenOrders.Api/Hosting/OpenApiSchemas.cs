using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// Makes the generated schemas say what the server does. An enum is a string and never null itself (a nullable
/// enum property is <c>oneOf [null, the enum]</c>, so a null matches exactly one branch); a decimal is a number.
/// </summary>
public static class OpenApiSchemas
{
    public static Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
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

    private static JsonSchemaType? Primitive(Type type) => (Nullable.GetUnderlyingType(type) ?? type) switch
    {
        var t when t == typeof(string) || t == typeof(Guid) || t.IsEnum => JsonSchemaType.String,
        var t when t == typeof(int) || t == typeof(long) => JsonSchemaType.Integer,
        var t when t == typeof(decimal) || t == typeof(double) => JsonSchemaType.Number,
        var t when t == typeof(bool) => JsonSchemaType.Boolean,
        _ => null,
    };
}
