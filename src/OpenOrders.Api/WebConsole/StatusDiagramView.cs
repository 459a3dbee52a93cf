using Microsoft.Extensions.Localization;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The domain's status diagram, in the person's language, ready to be placed in a page.</summary>
public static class StatusDiagramView
{
    /// <summary>This order's status highlighted and the path it took marked.</summary>
    public static string ForOrder(Order order, ConsoleFormat format, IStringLocalizer text) => Inline(new SvgOptions
    {
        Current = order.Status,
        Path = [.. order.StatusTransitions.OrderBy(t => t.Sequence).Select(t => t.Status)],
        Describe = s => format.Of(s),
        RoleName = r => text[r.ToString()].Value.ToLowerInvariant(),
        Title = text["The status flow, with this order's status and path marked"],
        Words = w => text[w],
        IdPrefix = "order",
    });

    public static string Whole(ConsoleFormat format, IStringLocalizer text) => Inline(new SvgOptions
    {
        Describe = s => format.Of(s),
        RoleName = r => text[r.ToString()].Value.ToLowerInvariant(),
        Title = text["The order status flow"],
        Words = w => text[w],
        IdPrefix = "flow",
    });

    private static string Inline(SvgOptions options)
    {
        var svg = StatusDiagram.Svg(options);
        return svg.StartsWith("<?xml", StringComparison.Ordinal) ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : svg;
    }
}
