using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenOrders.Bench;

/// <summary>Reads values out of a Prometheus text scrape.</summary>
public static partial class Metrics
{
    /// <summary>
    /// The sum of every series of a metric, optionally only those whose labels contain <paramref name="label"/>.
    /// </summary>
    public static double Sum(string scrape, string name, string? label = null) => MetricLine().Matches(scrape)
        .Where(m => m.Groups["name"].Value == name
            && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
        .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(\{(?<labels>[^}]*)\})? (?<value>[0-9.eE+-]+)", RegexOptions.Multiline)]
    private static partial Regex MetricLine();
}
