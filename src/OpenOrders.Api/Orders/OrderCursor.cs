using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Orders;

/// <summary>
/// A position in a list of orders ordered by (dateModified, orderNumber): opaque to clients, URL-safe.
/// </summary>
public sealed record OrderCursor(DateTimeOffset DateModified, int OrderNumber)
{
    public override string ToString() => CursorText.Write(DateModified.UtcTicks, OrderNumber);

    public static OrderCursor? Parse(string text)
    {
        try
        {
            return CursorText.Read(text, 2) is { } parts && long.TryParse(parts[0], out var ticks)
                && int.TryParse(parts[1], out var number)
                ? new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), number) : null;
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
