using System.Text;

namespace OpenOrders.Api.Orders;

/// <summary>
/// A position in a list of orders ordered by (dateModified, orderNumber): opaque to clients, URL-safe.
/// </summary>
public sealed record OrderCursor(DateTimeOffset DateModified, int OrderNumber)
{
    public override string ToString() =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{DateModified.UtcTicks}:{OrderNumber}"))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static OrderCursor? Parse(string text)
    {
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return parts.Length == 2 && long.TryParse(parts[0], out var ticks) && int.TryParse(parts[1], out var number)
                ? new OrderCursor(new DateTimeOffset(ticks, TimeSpan.Zero), number) : null;
        }
        catch (FormatException) { return null; }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
