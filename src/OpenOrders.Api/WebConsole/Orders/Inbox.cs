using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

public sealed record InboxPage(
    IReadOnlyList<OrderRow> Rows, ListCursor? Next, IReadOnlyDictionary<OrderStatus, int> CountPerStatus,
    int Total, int InOtherStatuses);

public enum InboxViewKind { Waiting, Open, All }

/// <summary>A list every person of a role can open in one click.</summary>
public sealed record InboxView(InboxViewKind Kind, IReadOnlyList<OrderStatus> Statuses);

/// <summary>
/// The console's list of orders: what the caller may see (the API's own tenancy rule), in the selection's sort, a
/// keyset cursor so a page never repeats or skips an order, and a count per status for the filters, the total and
/// the empty state.
/// </summary>
public static class Inbox
{
    public const int DefaultPageSize = 25;
    public static readonly int[] PageSizes = [25, 50, 100, 200];

    public static async Task<InboxPage> ReadAsync(OrdersDbContext db, InboxCounts known, Caller caller,
        OrderSelection selection, int pageSize, ListCursor? after, CancellationToken ct)
    {
        var counts = await CountAsync(db, known, caller, selection, ct);
        var page = db.Orders.Visible(caller).AsNoTracking().Apply(selection);
        if (after is not null) page = page.After(selection, after);
        var rows = await page.Sorted(selection).Rows().Take(pageSize + 1).ToListAsync(ct);
        ListCursor? next = null;
        if (rows.Count > pageSize)
        {
            rows.RemoveAt(pageSize);
            var last = rows[^1];
            next = OrderSelections.CursorOf(selection, last.OrderNumber, last.DateModified, last.DateCreated,
                last.StartDate, last.Total);
        }
        var chosen = selection.Statuses;
        var total = chosen.Count == 0 ? counts.Values.Sum() : chosen.Sum(s => counts.GetValueOrDefault(s));
        var others = chosen.Count == 0 ? 0 : counts.Where(c => !chosen.Contains(c.Key)).Sum(c => c.Value);
        return new InboxPage(rows, next, counts, total, others);
    }

    /// <summary>
    /// The count per status of the selection in any status, kept a few seconds (<see cref="InboxCounts"/>).
    /// </summary>
    public static Task<IReadOnlyDictionary<OrderStatus, int>> CountAsync(OrdersDbContext db, InboxCounts known,
        Caller caller, OrderSelection selection, CancellationToken ct) =>
        known.GetAsync(caller, selection, async () =>
            (await db.Orders.Visible(caller).AsNoTracking().Apply(selection.AnyStatus).GroupBy(o => o.Status)
                .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(c => c.Key, c => c.Count));

    /// <summary>
    /// The lists every person of a role has, most pressing first: what waits for them (the statuses from which they
    /// take an order forward, read from the status table), what is still open, and everything.
    /// </summary>
    public static IReadOnlyList<InboxView> DefaultViews(Role role)
    {
        var waiting = OrderStatusMachine.Rules
            .Where(r => r.Role == role && r.To is OrderStatus.AcceptedProvider or OrderStatus.PendingProvider)
            .Select(r => r.From).Distinct().Order().ToList();
        var open = Enum.GetValues<OrderStatus>().Where(s => !OrderStatusMachine.Final.Contains(s)).ToList();
        var views = new List<InboxView>();
        if (waiting.Count > 0) views.Add(new InboxView(InboxViewKind.Waiting, waiting));
        views.Add(new InboxView(InboxViewKind.Open, open));
        views.Add(new InboxView(InboxViewKind.All, []));
        return views;
    }

    /// <summary>Where a person lands: the first default view that holds any of their orders, else all.</summary>
    public static InboxView Landing(Role role, IReadOnlyDictionary<OrderStatus, int> counts) =>
        DefaultViews(role).FirstOrDefault(v => v.Statuses.Any(s => counts.GetValueOrDefault(s) > 0))
        ?? DefaultViews(role)[^1];

    /// <summary>
    /// The employers and courses for the filters' choices, kept a minute. A provider's employers are those of its
    /// orders (it may not read accounts, but sees their names on its orders), read from a covering index; an account's
    /// courses are those of its orders, likewise; names come from the catalog. A provider's courses are its own, the
    /// admin's every account and course.
    /// </summary>
    public static Task<InboxChoices> ChoicesAsync(OrdersDbContext db, InboxCounts known, Caller caller,
        CancellationToken ct) => known.GetChoicesAsync(caller, async () =>
    {
        var tenant = caller.TenantId ?? Guid.Empty;
        var accounts = db.Accounts.AsNoTracking();
        var products = db.Products.AsNoTracking();
        IQueryable<Guid> employerIds = caller.Role switch
        {
            Role.Admin => accounts.Select(a => a.Id),
            Role.Provider => db.Orders.Where(o => o.ProviderId == tenant).Select(o => o.AccountId).Distinct(),
            _ => accounts.Where(a => false).Select(a => a.Id),
        };
        IQueryable<Guid> courseIds = caller.Role switch
        {
            Role.Admin => products.Select(p => p.Id),
            Role.Provider => products.Where(p => p.ProviderId == tenant).Select(p => p.Id),
            _ => db.Orders.Where(o => o.AccountId == tenant).Select(o => o.ProductId).Distinct(),
        };
        var employers = await accounts.Where(a => employerIds.Contains(a.Id))
            .Select(a => new InboxChoice(a.Id, a.Name)).ToListAsync(ct);
        var courses = await products.Where(p => courseIds.Contains(p.Id))
            .Select(p => new InboxChoice(p.Id, p.Name)).ToListAsync(ct);
        return new InboxChoices([.. employers.OrderBy(e => e.Name)], [.. courses.OrderBy(c => c.Name)]);
    });
}

public sealed record InboxChoice(Guid Id, string Name);

public sealed record InboxChoices(IReadOnlyList<InboxChoice> Employers, IReadOnlyList<InboxChoice> Courses);

/// <summary>What a person calls each sort and each list.</summary>
public static class InboxText
{
    public static string SortName(OrderSort sort, IStringLocalizer T) => sort switch
    {
        OrderSort.OrderNumber => T["Order number"],
        OrderSort.StartDate => T["Start date"],
        OrderSort.Created => T["Created"],
        OrderSort.Total => T["Total"],
        _ => T["Last change"],
    };

    public static string ViewName(InboxViewKind kind, IStringLocalizer T) => kind switch
    {
        InboxViewKind.Waiting => T["Waiting for you"],
        InboxViewKind.Open => T["Open"],
        _ => T["All orders"],
    };
}
