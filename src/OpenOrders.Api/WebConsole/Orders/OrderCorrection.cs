using System.Globalization;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The correction form of an invalid order: which fields it offers and how it reads them. Which properties a role may
/// set in <c>Invalid</c> is <see cref="OrderUpdateRules"/>'s, and the update itself is <see cref="Order.Update"/>, as
/// for a merge patch; this only picks the fields worth showing and turns form text into values.
/// </summary>
public static class OrderCorrection
{
    /// <summary>The properties a form can hold (text and dates), in the order a person fills them in.</summary>
    private static readonly string[] Shown =
    [
        "customAttributes.firstChoiceStartMomentId", "customAttributes.secondChoiceStartMomentId",
        "customer.firstName", "customer.middleName", "customer.surname", "customer.birthDate", "customer.email",
        "customer.address.postalCode", "customer.address.countryCode", "customer.birthCountryCode", "promotionalCode",
    ];

    /// <summary>
    /// For an invalid order: the fields the checks named, then the start-moment choices, that this role may set.
    /// </summary>
    public static IReadOnlyList<OrderProperty> Fields(Order order, Role role)
    {
        if (order.Status != OrderStatus.Invalid) return [];
        var settable = OrderUpdateRules.Settable(OrderStatus.Invalid, role);
        var named = order.Errors.Select(e => e.Property).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return [.. Shown.Where(n => named.Contains(n) || n.StartsWith("customAttributes.", StringComparison.Ordinal))
            .Concat(named.Except(Shown))
            .Where(settable.Contains)
            .Select(OrderProperties.Find).OfType<OrderProperty>()
            .Where(p => p.Type == typeof(string) || p.Type == typeof(DateOnly))];
    }

    /// <summary>The form's values as changes (empty is null), or the fields that are too long or not a date.</summary>
    public static (Dictionary<string, object?> Changes, List<(string Property, int? TooLong)> Problems) Read(
        IReadOnlyList<OrderProperty> fields, IReadOnlyDictionary<string, string?> form)
    {
        var changes = new Dictionary<string, object?>();
        var problems = new List<(string, int?)>();
        foreach (var field in fields)
        {
            if (!form.TryGetValue(field.Name, out var raw)) continue;
            var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
            if (field.Type == typeof(DateOnly))
            {
                if (text is null) changes[field.Name] = null;
                else if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                    DateTimeStyles.None, out var date)) changes[field.Name] = date;
                else problems.Add((field.Name, null));
            }
            else if (text is { Length: var length } && field.MaxLength is { } max && length > max)
                problems.Add((field.Name, max));
            else changes[field.Name] = text;
        }
        return (changes, problems);
    }

    /// <summary>The value the form shows for a field now.</summary>
    public static string? ValueOf(Order order, OrderProperty field) => field.Get(order) switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        var value => value?.ToString(),
    };
}
