using System.Globalization;
using System.Text.Json;
using OpenOrders.Api.Errors;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Reads a JSON merge patch (RFC 7396) of an order into canonical property names and typed values. Nested
/// objects (customer, customer.address, customAttributes) are merged member by member; null clears a value.
/// </summary>
public static class MergePatch
{
    private static readonly string[] Groups = ["customer", "customer.address", "customAttributes"];

    /// <summary>What a patch asks for, or what is wrong with it.</summary>
    public sealed record Reading(Dictionary<string, object?> Changes, RequestErrors Errors, List<string> Unknown,
        RequestErrors TooLong);

    /// <summary>
    /// The changes, or errors: 400 for values of the wrong type, 422 for texts longer than the property takes
    /// (<see cref="OrderProperty.MaxLength"/>), and the names that are not settable at all.
    /// </summary>
    public static Reading Read(JsonElement patch)
    {
        var reading = new Reading(new Dictionary<string, object?>(StringComparer.Ordinal), new RequestErrors(), [],
            new RequestErrors());
        if (patch.ValueKind != JsonValueKind.Object)
            reading.Errors.Add("body", "A merge patch is a JSON object of the properties to change.");
        else
            Walk(patch, "", reading);
        return reading;
    }

    private static void Walk(JsonElement node, string prefix, Reading reading)
    {
        var (changes, errors, unknown, tooLong) = reading;
        foreach (var member in node.EnumerateObject())
        {
            var path = prefix + member.Name;
            var group = Groups.FirstOrDefault(g => string.Equals(g, path, StringComparison.OrdinalIgnoreCase));
            if (group is not null)
            {
                if (member.Value.ValueKind == JsonValueKind.Object) Walk(member.Value, group + ".", reading);
                else errors.Add(group, "Must be an object of the properties to change.");
                continue;
            }
            var property = OrderProperties.Find(path);
            if (property is null) { unknown.Add(path); continue; }
            if (TryConvert(member.Value, property, out var value, out var problem)) changes[property.Name] = value;
            else if (value is TooLongText) tooLong.Add(property.Name, problem!);
            else errors.Add(property.Name, problem!);
        }
    }

    private static bool TryConvert(JsonElement json, OrderProperty property, out object? value, out string? problem)
    {
        var type = property.Type;
        value = null;
        problem = null;
        if (json.ValueKind == JsonValueKind.Null)
        {
            if (type == typeof(Guid) || type == typeof(OrderType)) problem = "Cannot be cleared.";
            return problem is null;
        }
        if (type == typeof(string) && json.ValueKind == JsonValueKind.String)
        {
            var text = json.GetString()!.Trim();
            if (text.Contains('\0', StringComparison.Ordinal))
            { problem = Hosting.JsonSetup.TextWithoutNul.Refusal; return false; }
            if (text.Length > property.MaxLength)
            {
                (value, problem) = (new TooLongText(), $"At most {property.MaxLength} characters.");
                return false;
            }
            value = text.Length == 0 ? null : text;
            return true;
        }
        if (type == typeof(int) && json.ValueKind == JsonValueKind.Number && json.TryGetInt32(out var number))
        { value = number; return true; }
        if (type == typeof(Guid) && json.ValueKind == JsonValueKind.String &&
            Guid.TryParse(json.GetString(), out var guid))
        { value = guid; return true; }
        if (type == typeof(DateOnly) && json.ValueKind == JsonValueKind.String &&
            DateOnly.TryParseExact(json.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date))
        { value = date; return true; }
        if (type == typeof(OrderType) && json.ValueKind == JsonValueKind.String &&
            Enum.TryParse<OrderType>(json.GetString(), ignoreCase: true, out var orderType) &&
            Enum.IsDefined(orderType) && !json.GetString()!.Any(char.IsDigit))
        { value = orderType; return true; }

        problem = type == typeof(string) ? "Must be a string."
            : type == typeof(int) ? "Must be a whole number."
            : type == typeof(Guid) ? "Must be a GUID."
            : type == typeof(DateOnly) ? "Must be a date, such as \"1990-01-31\"."
            : $"Must be one of: {string.Join(", ", Enum.GetNames<OrderType>())}.";
        return false;
    }

    /// <summary>Marks a refusal that is about the value's length, not its type.</summary>
    private sealed record TooLongText;
}
