using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace OpenOrders.Api.Errors;

/// <summary>
/// Turns a System.Text.Json failure into a property name and a message a client can act on, by following the
/// JSON path through the request type. Internal type names never reach the client.
/// </summary>
public static class JsonErrorMessages
{
    public static (string Property, string Message) Describe(JsonException error, Type? bodyType)
    {
        var property = PropertyName(error.Path);
        // A reader error means the text is not JSON at all; anything else is a value of the wrong shape.
        if (error.InnerException?.GetType().Name == "JsonReaderException" || error.Path is null)
            return (property.Length == 0 ? "body" : property,
                $"The body is not valid JSON (line {error.LineNumber + 1}, byte {error.BytePositionInLine}).");
        if (error.Message.StartsWith(Hosting.JsonSetup.TextWithoutNul.Refusal, StringComparison.Ordinal))
            return (property.Length == 0 ? "body" : property, Hosting.JsonSetup.TextWithoutNul.Refusal);
        if (error.Message.Contains("missing required properties", StringComparison.Ordinal))
            return (property.Length == 0 ? "body" : property, "Required properties are missing.");

        var target = bodyType is null ? null : Resolve(bodyType, error.Path);
        return (property.Length == 0 ? "body" : property,
            target is null ? "The value has the wrong type." : Expected(target));
    }

    /// <summary>
    /// "$.customer.address.houseNumber" → "customer.address.houseNumber"; "$.items[2].name" → "items[2].name".
    /// </summary>
    public static string PropertyName(string? path) =>
        path is null ? "" : path.TrimStart('$').TrimStart('.').Replace("['", ".").Replace("']", "");

    private static string Expected(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "Must be one of: " + string.Join(", ", Enum.GetNames(type)) + ".";
        if (type == typeof(Guid)) return "Must be a GUID, such as \"50757d0c-0b56-4ff7-a3a9-115fdc18ffc3\".";
        if (type == typeof(int) || type == typeof(long)) return "Must be a whole number.";
        if (type == typeof(decimal) || type == typeof(double)) return "Must be a number.";
        if (type == typeof(bool)) return "Must be true or false.";
        if (type == typeof(DateOnly)) return "Must be a date, such as \"1990-01-31\".";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
            return "Must be an ISO 8601 date and time, such as \"2027-03-01T09:00:00Z\".";
        if (type == typeof(string)) return "Must be a string.";
        if (typeof(IEnumerable).IsAssignableFrom(type)) return "Must be an array.";
        return "Must be an object.";
    }

    private static Type? Resolve(Type type, string path)
    {
        var current = type;
        foreach (var segment in path.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment;
            var bracket = name.IndexOf('[');
            if (bracket >= 0) name = name[..bracket];
            if (name.Length > 0)
            {
                var property = current.GetProperty(name,
                    BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
                if (property is null) return null;
                current = property.PropertyType;
            }
            if (bracket >= 0) current = ElementType(current) ?? current;
        }
        return current;
    }

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
}
