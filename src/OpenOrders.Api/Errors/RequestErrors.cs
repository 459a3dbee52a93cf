using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OpenOrders.Domain.Pricing;

namespace OpenOrders.Api.Errors;

/// <summary>Collects every problem with a request body, so the client hears about all of them at once.</summary>
public sealed class RequestErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public RequestErrors Add(string property, string message)
    {
        if (!errors.TryGetValue(property, out var list)) errors[property] = list = [];
        list.Add(message);
        return this;
    }

    public bool Required([NotNullWhen(true)] string? value, string property, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value)) { Add(property, "Required."); return false; }
        if (value.Length > maxLength) { Add(property, $"At most {maxLength} characters."); return false; }
        return true;
    }

    public bool Required<T>([NotNullWhen(true)] T? value, string property) where T : struct
    {
        if (value is null) { Add(property, "Required."); return false; }
        return true;
    }

    public bool Required<T>([NotNullWhen(true)] T? value, string property) where T : class
    {
        if (value is null) { Add(property, "Required."); return false; }
        return true;
    }

    public void MaxLength(string? value, string property, int maxLength)
    {
        if (value is not null && value.Length > maxLength) Add(property, $"At most {maxLength} characters.");
    }

    /// <summary>A price in euros: from 0 to <see cref="Money.MaxAmount"/>.</summary>
    public void Amount(decimal? value, string property)
    {
        if (value is { } amount && !Money.IsValidAmount(amount))
            Add(property, $"Must be between 0 and {Money.MaxAmount.ToString("0", CultureInfo.InvariantCulture)}.");
    }

    public void Percentage(decimal? value, string property)
    {
        if (value is < 0 or > 100) Add(property, "Must be between 0 and 100.");
    }

    /// <summary>A mail language, when given: <c>nl</c> or <c>en</c>.</summary>
    public void Language(string? value, string property)
    {
        if (value is not null && !Domain.Notifications.MailLanguage.IsKnown(value))
            Add(property, "One of: nl, en.");
    }

    public IDictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
