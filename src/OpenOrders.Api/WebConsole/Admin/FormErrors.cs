using OpenOrders.Api.Errors;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// A refused form's problems, in the service's own words (<see cref="RequestErrors"/>), by the property they are about:
/// the page marks each field and names the problems nobody's field owns in its summary.
/// </summary>
public sealed class FormErrors
{
    private IDictionary<string, string[]> errors = new Dictionary<string, string[]>();

    public bool Any => errors.Count > 0;

    public void Take(RequestErrors refused) => errors = refused.ToDictionary();

    public bool Has(string property) => errors.ContainsKey(property);

    public string Of(string property) =>
        string.Join(" ", errors.TryGetValue(property, out var messages) ? messages : []);

    /// <summary>For <c>aria-invalid</c>: null leaves the attribute out.</summary>
    public string? Invalid(string property) => Has(property) ? "true" : null;

    /// <summary>Messages about anything but these properties, each with its property's name.</summary>
    public IEnumerable<string> Others(params string[] fields) =>
        errors.Where(e => !fields.Contains(e.Key)).SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"));
}
