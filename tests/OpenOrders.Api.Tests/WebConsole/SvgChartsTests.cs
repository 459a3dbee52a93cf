using System.Globalization;
using System.Xml.Linq;
using OpenOrders.Api.WebConsole.Charts;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>Server-drawn charts: well-formed, a mark per number, proportional, nothing the CSP would block.</summary>
public sealed class SvgChartsTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";
    private static readonly ChartText Text = new("test", "Orders per status", "How many orders each status holds.");

    [Fact]
    public void A_bar_chart_has_one_bar_per_item_with_lengths_proportional_to_the_values()
    {
        var svg = Parse(SvgCharts.HorizontalBars(Text,
            [new("Paid", 10), new("Invoiced", 5), new("Credited", 0), new("Invalid", 2)]));

        var widths = Bars(svg).Select(b => Number(b, "width")).ToList();
        Assert.Equal(4, widths.Count);
        Assert.Equal(widths[0] / 2, widths[1], 0.1);
        Assert.Equal(0, widths[2]);
        Assert.Equal(widths[0] / 5, widths[3], 0.1);
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Invoiced");
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "5");
    }

    [Fact]
    public void A_column_chart_stacks_its_series_with_heights_proportional_to_the_values()
    {
        var labels = Enumerable.Range(1, 30).Select(d => $"12-{d:00}").ToList();
        var succeeded = Enumerable.Range(1, 30).Select(d => d % 5).ToList();
        var failed = Enumerable.Range(1, 30).Select(d => d % 3 == 0 ? 2 : 0).ToList();
        var svg = Parse(SvgCharts.DailyColumns(Text, labels,
            [new("Succeeded", SvgCharts.Green, succeeded), new("Failed", SvgCharts.Red, failed)]));

        var first = Bars(svg).Where(b => HasClass(b, "series-0")).ToList();
        var second = Bars(svg).Where(b => HasClass(b, "series-1")).ToList();
        Assert.Equal(30, first.Count);
        Assert.Equal(30, second.Count);
        var unit = Number(first[0], "height"); // day 1: one success
        for (var day = 0; day < 30; day++)
        {
            Assert.Equal(succeeded[day] * unit, Number(first[day], "height"), 0.2);
            Assert.Equal(failed[day] * unit, Number(second[day], "height"), 0.2);
            // The failures sit on top of the successes of the same day.
            Assert.Equal(Number(first[day], "y"), Number(second[day], "y") + Number(second[day], "height"), 0.2);
        }
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "Failed"); // the legend
        Assert.Contains(svg.Descendants(Svg + "text"), t => t.Value == "12-30"); // the last day is labelled
    }

    [Fact]
    public void Charts_name_themselves_and_carry_no_style_or_script()
    {
        foreach (var chart in new[]
                 {
                     SvgCharts.HorizontalBars(Text, [new("<script>alert(1)</script>", 3)]),
                     SvgCharts.DailyColumns(Text, ["a", "b"], [new("style=\"x\"", SvgCharts.Blue, [1, 0])]),
                 })
        {
            var svg = Parse(chart);
            Assert.Equal("img", svg.Attribute("role")!.Value);
            Assert.Equal("test-title test-desc", svg.Attribute("aria-labelledby")!.Value);
            Assert.Equal(Text.Title, svg.Elements(Svg + "title").Single(t => t.Attribute("id") is not null).Value);
            Assert.Equal(Text.Description, svg.Element(Svg + "desc")!.Value);
            Assert.DoesNotContain(svg.DescendantsAndSelf(),
                e => e.Name.LocalName is "style" or "script" or "foreignObject");
            Assert.DoesNotContain(svg.DescendantsAndSelf().Attributes(),
                a => a.Name.LocalName == "style" || a.Name.LocalName.StartsWith("on", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Charts_of_nothing_but_zeros_draw_empty_bars_rather_than_dividing_by_zero()
    {
        var bars = Parse(SvgCharts.HorizontalBars(Text, [new("A", 0), new("B", 0)]));
        Assert.Equal(2, Bars(bars).Count());
        Assert.All(Bars(bars), b => Assert.Equal(0, Number(b, "width")));
        var columns = Parse(SvgCharts.DailyColumns(Text, ["a", "b", "c"], [new("Orders", SvgCharts.Blue, [0, 0, 0])]));
        Assert.Equal(3, Bars(columns).Count());
        Assert.All(Bars(columns), b => Assert.Equal(0, Number(b, "height")));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(3, 5)]
    [InlineData(7, 10)]
    [InlineData(11, 20)]
    [InlineData(200, 200)]
    [InlineData(201, 500)]
    public void The_scale_ends_on_a_round_number(int max, int scale) => Assert.Equal(scale, SvgCharts.RoundUp(max));

    [Fact]
    public void A_series_of_the_wrong_length_is_refused() =>
        Assert.Throws<ArgumentException>(() =>
            SvgCharts.DailyColumns(Text, ["a", "b"], [new("x", SvgCharts.Blue, [1])]));

    /// <summary>XDocument.Parse throws on anything that is not well-formed XML.</summary>
    private static XElement Parse(string svg)
    {
        var root = XDocument.Parse(svg).Root!;
        Assert.Equal(Svg + "svg", root.Name);
        return root;
    }

    private static IEnumerable<XElement> Bars(XElement svg) =>
        svg.Descendants(Svg + "rect").Where(r => HasClass(r, "bar"));

    private static bool HasClass(XElement element, string name) =>
        element.Attribute("class")?.Value.Split(' ').Contains(name) == true;

    private static double Number(XElement element, string attribute) =>
        double.Parse(element.Attribute(attribute)!.Value, CultureInfo.InvariantCulture);
}
