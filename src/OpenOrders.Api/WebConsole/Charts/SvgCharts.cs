using System.Globalization;
using System.Xml.Linq;

namespace OpenOrders.Api.WebConsole.Charts;

/// <summary>What a chart is called: <see cref="Id"/> keeps its title and description ids unique on the page.</summary>
public sealed record ChartText(string Id, string Title, string Description);

/// <summary>One bar of a horizontal bar chart.</summary>
public sealed record ChartBar(string Label, int Value);

/// <summary>One series of a column chart: a value per column, stacked on the series before it.</summary>
public sealed record ChartSeries(string Name, string Fill, IReadOnlyList<int> Values);

/// <summary>
/// Charts drawn on the server as SVG, to be placed in a page as they are. The console's CSP allows no inline style or
/// script, so everything is presentation attributes; the pictures name themselves (<c>role="img"</c>, title,
/// description) and the page puts the same numbers in a table beside them.
/// </summary>
public static class SvgCharts
{
    public const string Ink = "#1b1f24";
    public const string Muted = "#4a5560";
    public const string Grid = "#c9d1d9";
    public const string Blue = "#0b5cad";
    public const string Green = "#1a6b35";
    public const string Red = "#a4161a";

    private const double RowHeight = 28;
    private const double BarThickness = 16;
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>
    /// One bar per item, longest for the largest value, the value written at its end. The width is in the picture's
    /// own units: drawn as wide as its place on the page, the text stays readable when that is about as wide.
    /// </summary>
    public static string HorizontalBars(
        ChartText text, IReadOnlyList<ChartBar> bars, string fill = Blue, double width = 720)
    {
        // Room for the longest label (about 6.6 px a character at 12 px) and for the value after the longest bar.
        var labelWidth = Math.Clamp(bars.Select(b => b.Label.Length).DefaultIfEmpty(0).Max() * 6.6 + 16, 80, 320);
        var plot = width - labelWidth - 56;
        var max = bars.Select(b => b.Value).DefaultIfEmpty(0).Max();
        var height = bars.Count * RowHeight + 16;
        var root = Root(text, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = 8 + i * RowHeight + (RowHeight - BarThickness) / 2;
            var length = max == 0 ? 0 : bar.Value * plot / max;
            root.Add(
                Text(labelWidth - 8, y + BarThickness - 4, bar.Label, "end", Ink),
                new XElement(Svg + "rect", Attributes(("class", "bar"), ("x", N(labelWidth)), ("y", N(y)),
                        ("width", N(length)), ("height", N(BarThickness)), ("fill", fill)),
                    new XElement(Svg + "title", $"{bar.Label}: {bar.Value}")),
                Text(labelWidth + length + 6, y + BarThickness - 4, Count(bar.Value), "start", Ink));
        }
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// A column per day (or any label), the series stacked bottom up, on a scale from zero to a round number, with a
    /// legend when there is more than one series. Every seventh label from the last one is written under its column.
    /// </summary>
    public static string DailyColumns(
        ChartText text, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series, double width = 720)
    {
        if (series.Count == 0 || series.Any(s => s.Values.Count != labels.Count))
            throw new ArgumentException("Every series needs one value per label.", nameof(series));
        const double left = 44, right = 8, bottom = 24, plotHeight = 160;
        var top = series.Count > 1 ? 30.0 : 12.0;
        var totals = Enumerable.Range(0, labels.Count).Select(i => series.Sum(s => s.Values[i])).ToList();
        var scale = RoundUp(totals.DefaultIfEmpty(0).Max());
        var root = Root(text, width, top + plotHeight + bottom);
        var baseline = top + plotHeight;

        foreach (var tick in Ticks(scale))
        {
            var y = baseline - tick * plotHeight / scale;
            root.Add(Line(left, y, width - right, y, Grid), Text(left - 6, y + 4, Count(tick), "end", Muted));
        }
        if (series.Count > 1) root.Add(Legend(series, left));

        var slot = (width - left - right) / Math.Max(labels.Count, 1);
        for (var i = 0; i < labels.Count; i++)
        {
            var x = left + i * slot + slot * 0.15;
            var y = baseline;
            for (var s = 0; s < series.Count; s++)
            {
                var value = series[s].Values[i];
                var height = value * plotHeight / scale;
                y -= height;
                root.Add(new XElement(Svg + "rect", Attributes(("class", $"bar series-{s}"), ("x", N(x)), ("y", N(y)),
                        ("width", N(slot * 0.7)), ("height", N(height)), ("fill", series[s].Fill)),
                    new XElement(Svg + "title", $"{labels[i]} · {series[s].Name}: {value}")));
            }
            // The last label ends under its column rather than centred, so it stays inside the picture.
            if (i == labels.Count - 1) root.Add(Text(x + slot * 0.7, baseline + 16, labels[i], "end", Muted));
            else if ((labels.Count - 1 - i) % 7 == 0)
                root.Add(Text(x + slot * 0.35, baseline + 16, labels[i], "middle", Muted));
        }
        root.Add(Line(left, baseline, width - right, baseline, Muted));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The smallest of 1, 2, 5 × 10ⁿ at or above the value, at least 1: grid lines on round numbers.
    /// </summary>
    public static int RoundUp(int value)
    {
        if (value <= 1) return 1;
        for (var power = 1; ; power *= 10)
            foreach (var step in new[] { 1, 2, 5 })
                if (step * power >= value) return step * power;
    }

    private static IEnumerable<int> Ticks(int scale) => scale % 2 == 0 ? [0, scale / 2, scale] : [0, scale];

    private static XElement Root(ChartText text, double width, double height)
    {
        var titleId = $"{text.Id}-title";
        var descriptionId = $"{text.Id}-desc";
        return new XElement(Svg + "svg",
            Attributes(("viewBox", $"0 0 {N(width)} {N(height)}"), ("width", N(width)), ("height", N(height)),
                ("role", "img"), ("aria-labelledby", $"{titleId} {descriptionId}"),
                ("font-family", "system-ui, sans-serif"), ("font-size", "12")),
            new XElement(Svg + "title", new XAttribute("id", titleId), text.Title),
            new XElement(Svg + "desc", new XAttribute("id", descriptionId), text.Description));
    }

    private static IEnumerable<XElement> Legend(IReadOnlyList<ChartSeries> series, double left)
    {
        var x = left;
        foreach (var s in series)
        {
            yield return new XElement(Svg + "rect", Attributes(("class", "swatch"), ("x", N(x)), ("y", "6"),
                ("width", "12"), ("height", "12"), ("fill", s.Fill)));
            yield return Text(x + 18, 16, s.Name, "start", Ink);
            x += 18 + s.Name.Length * 6.6 + 24;
        }
    }

    private static XElement Text(double x, double y, string content, string anchor, string fill) =>
        new(Svg + "text", Attributes(("x", N(x)), ("y", N(y)), ("text-anchor", anchor), ("fill", fill)), content);

    private static XElement Line(double x1, double y1, double x2, double y2, string stroke) =>
        new(Svg + "line", Attributes(("x1", N(x1)), ("y1", N(y1)), ("x2", N(x2)), ("y2", N(y2)),
            ("stroke", stroke), ("stroke-width", "1")));

    private static XAttribute[] Attributes(params (string Name, string Value)[] attributes) =>
        [.. attributes.Select(a => new XAttribute(a.Name, a.Value))];

    private static string N(double value) => Math.Round(value, 1).ToString("0.#", CultureInfo.InvariantCulture);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
