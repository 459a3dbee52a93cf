using System.Text.RegularExpressions;

namespace OpenOrders.Domain.Catalog;

/// <summary>
/// Whether a VAT number has the shape of an EU VAT identification number: the country prefix followed by that
/// country's pattern. This catches typos and swapped fields; it does not ask VIES whether the number exists.
/// </summary>
public static partial class VatNumber
{
    private static readonly Dictionary<string, Regex> Patterns = new()
    {
        ["AT"] = new(@"^U\d{8}$"),
        ["BE"] = new(@"^[01]\d{9}$"),
        ["BG"] = new(@"^\d{9,10}$"),
        ["CY"] = new(@"^\d{8}[A-Z]$"),
        ["CZ"] = new(@"^\d{8,10}$"),
        ["DE"] = new(@"^\d{9}$"),
        ["DK"] = new(@"^\d{8}$"),
        ["EE"] = new(@"^\d{9}$"),
        ["EL"] = new(@"^\d{9}$"),
        ["ES"] = new(@"^[A-Z0-9]\d{7}[A-Z0-9]$"),
        ["FI"] = new(@"^\d{8}$"),
        ["FR"] = new(@"^[A-HJ-NP-Z0-9]{2}\d{9}$"),
        ["HR"] = new(@"^\d{11}$"),
        ["HU"] = new(@"^\d{8}$"),
        ["IE"] = new(@"^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$"),
        ["IT"] = new(@"^\d{11}$"),
        ["LT"] = new(@"^(\d{9}|\d{12})$"),
        ["LU"] = new(@"^\d{8}$"),
        ["LV"] = new(@"^\d{11}$"),
        ["MT"] = new(@"^\d{8}$"),
        ["NL"] = new(@"^\d{9}B\d{2}$"),
        ["PL"] = new(@"^\d{10}$"),
        ["PT"] = new(@"^\d{9}$"),
        ["RO"] = new(@"^\d{2,10}$"),
        ["SE"] = new(@"^\d{10}01$"),
        ["SI"] = new(@"^\d{8}$"),
        ["SK"] = new(@"^\d{10}$"),
        ["XI"] = new(@"^(\d{9}|\d{12}|GD\d{3}|HA\d{3})$"),
    };

    /// <summary>Spaces, dots and dashes are ignored; letters may be lower case.</summary>
    public static string Normalise(string value) => Separators().Replace(value, "").ToUpperInvariant();

    public static bool IsPlausible(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return false;
        var vat = Normalise(value);
        return vat.Length > 2 && Patterns.TryGetValue(vat[..2], out var pattern) && pattern.IsMatch(vat[2..]);
    }

    [GeneratedRegex(@"[\s.\-]")]
    private static partial Regex Separators();
}
