using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>What the inbox is asked for: the URL's filters, read once.</summary>
public sealed record InboxFilter(
    IReadOnlyList<OrderStatus> Statuses, string? Search, DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedBefore,
    OrderCursor? After);

/// <summary>One line of the inbox: only the columns the list shows, never the whole order.</summary>
public sealed record InboxRow(
    Guid Id, int OrderNumber, OrderStatus Status, string? CourseName, string? FirstName, string? Surname, string? Email,
    string? AccountName, string? ProviderName, DateTimeOffset? StartDate, decimal Total, DateTimeOffset DateCreated,
    DateTimeOffset DateModified);

public sealed record InboxPage(
    IReadOnlyList<InboxRow> Rows, OrderCursor? Next, IReadOnlyDictionary<OrderStatus, int> CountPerStatus);

/// <summary>
/// The console's list of orders: what the caller may see (the API's own tenancy rule), latest change first, a cursor
/// on (dateModified, orderNumber) so a page never repeats or skips an order, and a count per status for the filters.
/// </summary>
public static class Inbox
{
    public const int PageSize = 25;

    public static async Task<InboxPage> ReadAsync(
        OrdersDbContext db, InboxCounts known, Caller caller, InboxFilter filter, CancellationToken ct)
    {
        var matching = Filtered(db.Orders.Visible(caller).AsNoTracking(), filter);
        var counts = await known.GetAsync(caller, filter, async () =>
            (await matching.GroupBy(o => o.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Count));

        var page = filter.Statuses.Count > 0 ? matching.Where(o => filter.Statuses.Contains(o.Status)) : matching;
        if (filter.After is { } after)
            page = page.Where(o => o.DateModified < after.DateModified
                || (o.DateModified == after.DateModified && o.OrderNumber < after.OrderNumber));
        var rows = await page.OrderByDescending(o => o.DateModified).ThenByDescending(o => o.OrderNumber)
            .Take(PageSize + 1)
            .Select(o => new InboxRow(o.Id, o.OrderNumber, o.Status, o.Name, o.Customer.FirstName, o.Customer.Surname,
                o.Customer.Email, o.AccountName, o.ProviderName, o.AcceptedStartMomentDate ?? o.StartMomentDate,
                o.Total, o.DateCreated, o.DateModified))
            .ToListAsync(ct);
        OrderCursor? next = null;
        if (rows.Count > PageSize)
        {
            rows.RemoveAt(PageSize);
            next = new OrderCursor(rows[^1].DateModified, rows[^1].OrderNumber);
        }
        return new InboxPage(rows, next, counts);
    }

    /// <summary>
    /// Text matches the order number exactly, or the customer's name or e-mail or the course name in part, in any
    /// case.
    /// </summary>
    private static IQueryable<Order> Filtered(IQueryable<Order> orders, InboxFilter filter)
    {
        if (filter.CreatedFrom is { } from) orders = orders.Where(o => o.DateCreated >= from);
        if (filter.CreatedBefore is { } before) orders = orders.Where(o => o.DateCreated < before);
        // Each word must match somewhere, so "test user" finds Test User; at most five words are looked at.
        foreach (var word in (filter.Search ?? "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Take(5))
        {
            var number = int.TryParse(word, out var n) ? n : -1;
            orders = orders.Where(o => o.OrderNumber == number
                || (o.Customer.Email != null && o.Customer.Email.ToLower().Contains(word))
                || (o.Customer.FirstName != null && o.Customer.FirstName.ToLower().Contains(word))
                || (o.Customer.Surname != null && o.Customer.Surname.ToLower().Contains(word))
                || (o.Name != null && o.Name.ToLower().Contains(word)));
        }
        return orders;
    }
}
