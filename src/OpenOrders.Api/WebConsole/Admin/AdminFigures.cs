using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The overview's numbers: orders per status; orders made and webhook attempts per day, 30 days.</summary>
public sealed record AdminFigures(
    IReadOnlyDictionary<OrderStatus, int> OrdersPerStatus,
    ConsoleDays Days,
    IReadOnlyList<int> OrdersCreated,
    IReadOnlyList<int> AttemptsSucceeded,
    IReadOnlyList<int> AttemptsFailed)
{
    public const int DayCount = 30;

    public int Orders => OrdersPerStatus.Values.Sum();

    /// <summary>
    /// Three GROUP BY queries; no row leaves the database. The status count reads the (Status, …) index; the daily
    /// counts read only the last 30 days' rows, by the DateModified and AttemptedAt indexes.
    /// </summary>
    public static async Task<AdminFigures> ReadAsync(
        OrdersDbContext db, Caller caller, DateTimeOffset now, TimeZoneInfo zone, CancellationToken ct)
    {
        var days = ConsoleDays.Last(DayCount, now, zone);
        var (from, until) = (days.From, days.Until);
        var orders = db.Orders.Visible(caller).AsNoTracking();

        var perStatus = await orders.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        // An order is modified when it is made and never before, so "modified since" adds nothing to the answer;
        // it lets the database narrow the rows by the (DateModified, Id) index instead of reading every order.
        var created = await orders.Where(o => o.DateModified >= from && o.DateCreated >= from && o.DateCreated < until)
            .GroupBy(days.IndexOf<Order>(o => o.DateCreated))
            .Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var attempts = await db.WebhookAttempts.AsNoTracking()
            .Where(a => a.AttemptedAt >= from && a.AttemptedAt < until)
            .GroupBy(days.IndexOf<WebhookAttempt>(a => a.AttemptedAt))
            .Select(g => new
            {
                Day = g.Key, Succeeded = g.Count(a => a.Succeeded), Failed = g.Count(a => !a.Succeeded),
            })
            .ToListAsync(ct);

        int[] PerDay<T>(IEnumerable<T> rows, Func<T, int> day, Func<T, int> count)
        {
            var values = new int[days.Count];
            foreach (var row in rows) values[day(row)] = count(row);
            return values;
        }
        return new AdminFigures(
            Enum.GetValues<OrderStatus>()
                .ToDictionary(s => s, s => perStatus.FirstOrDefault(c => c.Key == s)?.Count ?? 0),
            days,
            PerDay(created, c => c.Day, c => c.Count),
            PerDay(attempts, a => a.Day, a => a.Succeeded),
            PerDay(attempts, a => a.Day, a => a.Failed));
    }
}
