using System.Collections.Concurrent;
using Microsoft.Extensions.Localization;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The domain's status diagram, in the person's language, ready to be placed in a page. A drawing is not free
/// (decision record 0006 has the figure) and most orders share a path, so drawings are kept by language, status and path (a few hundred at most).
/// </summary>
public static class StatusDiagramView
{
    private static readonly ConcurrentDictionary<string, string> Drawn = new();

    /// <summary>This order's status highlighted and the path it took marked.</summary>
    public static string ForOrder(Order order, ConsoleFormat format, IStringLocalizer text)
    {
        var path = order.StatusTransitions.OrderBy(t => t.Sequence).Select(t => t.Status).ToList();
        var key = $"{format.Language}:{order.Status}:{string.Join(',', path)}";
        if (Drawn.TryGetValue(key, out var known)) return known;
        if (Drawn.Count > 500) Drawn.Clear(); // never grows without bound; the common paths come straight back
        return Drawn[key] = Draw(order.Status, path, format, text);
    }

    private static string Draw(OrderStatus current, List<OrderStatus> path, ConsoleFormat format,
        IStringLocalizer text) => Inline(new SvgOptions
    {
        Current = current,
        Path = path,
        Name = s => format.Of(s),
        Describe = s => format.Of(s),
        RoleName = r => text[r.ToString()].Value.ToLowerInvariant(),
        Title = text["The status flow, with this order's status and path marked"],
        Words = w => text[w],
        IdPrefix = "order",
    });

    public static string Whole(ConsoleFormat format, IStringLocalizer text) =>
        Drawn.GetOrAdd($"{format.Language}:whole", _ => DrawWhole(format, text));

    private static string DrawWhole(ConsoleFormat format, IStringLocalizer text) => Inline(new SvgOptions
    {
        Name = s => format.Of(s),
        Describe = s => format.Of(s),
        RoleName = r => text[r.ToString()].Value.ToLowerInvariant(),
        Title = text["The order status flow"],
        Words = w => text[w],
        IdPrefix = "flow",
    });

    private static string Inline(SvgOptions options)
    {
        var svg = StatusDiagram.Svg(options);
        return svg.StartsWith("<?xml", StringComparison.Ordinal)
            ? svg[(svg.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart()
            : svg;
    }
}
