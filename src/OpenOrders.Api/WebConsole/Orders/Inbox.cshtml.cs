using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The inbox: filters and sort in the URL (so a link can be shared or saved), a count per status and in total, keyset
/// paging, the person's views, and a form around the rows for moves of many orders at once.
/// </summary>
public sealed class InboxModel(OrdersDbContext db, InboxCounts counts, TimeProvider time) : ConsolePage
{
    public InboxQuery Query { get; private set; } = new();
    public InboxPage Result { get; private set; } = null!;
    public InboxChoices Choices { get; private set; } = new([], []);

    /// <summary>The role's lists with how many orders each holds (over all the person's orders).</summary>
    public IReadOnlyList<(InboxView View, int Count)> DefaultViews { get; private set; } = [];
    public IReadOnlyList<SavedView> SavedViews { get; private set; } = [];

    /// <summary>Why a typed date was not used, shown beside the filters.</summary>
    public string? DateProblem { get; private set; }
    public string? After { get; private set; }
    public bool IsLaterPage => After is not null;

    /// <summary>Whether a filter or sort beyond the search is in use: their fold then starts open on a phone.</summary>
    public bool HasMoreFilters => (Query with { Search = null, Statuses = [] }).ToQueryString().Length > 0;
    public IReadOnlyList<OrderStatus> BulkTargets => BulkMoves.TargetsFor(Caller.Role);

    public static string BadgeOf(OrderStatus status) =>
        OrderStatusMachine.Final.Contains(status) ? "final" : status == OrderStatus.Invalid ? "attention" : "open";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Query = InboxQuery.Of(Request.Query);
        var everything = await Inbox.CountAsync(db, counts, Caller, new OrderSelection(), ct);
        // "Orders" with nothing chosen shows the first list that holds any of the person's orders.
        if (Query.IsBare) Query = new InboxQuery { Statuses = Inbox.Landing(Caller.Role, everything).Statuses };
        var selection = Query.ToSelection(Format, out var dateProblem);
        // A date that cannot be read is said, not silently dropped: the list would otherwise look filtered.
        if (dateProblem)
            DateProblem = Text["Enter dates as year-month-day between {0} and {1}, for example 2027-01-31.",
                ConsoleFormat.FirstYear, ConsoleFormat.LastYear];
        After = Request.Query["after"].ToString() is { Length: > 0 } a ? a : null;
        Result = await Inbox.ReadAsync(db, counts, Caller, selection, Query.PageSize,
            ListCursor.Parse(After, selection.Sort), ct);
        Choices = await Inbox.ChoicesAsync(db, counts, Caller, ct);
        DefaultViews = [.. Inbox.DefaultViews(Caller.Role).Select(v => (v, v.Statuses.Count == 0
            ? everything.Values.Sum() : v.Statuses.Sum(s => everything.GetValueOrDefault(s))))];
        SavedViews = await MyViews().OrderBy(v => v.Name).ToListAsync(ct);
        return Page();
    }

    /// <summary>Saves the list as it is now under a name; the same name again replaces that view.</summary>
    public async Task<IActionResult> OnPostSaveViewAsync(string? name, string? query, CancellationToken ct)
    {
        var parsed = InboxQuery.Parse(query ?? "");
        var back = parsed.Url();
        name = name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > SavedView.NameLength)
        {
            Failed(Text["Give the view a name of at most {0} characters.", SavedView.NameLength]);
            return Redirect(back);
        }
        var stored = parsed.ToQueryString();
        var existing = await MyViews().SingleOrDefaultAsync(v => v.Name == name, ct);
        if (existing is not null) existing.Query = stored;
        else if (await MyViews().CountAsync(ct) >= SavedView.MaxPerPerson)
        {
            Failed(Text["You have {0} views already: delete one first.", SavedView.MaxPerPerson]);
            return Redirect(back);
        }
        else
            db.SavedViews.Add(new SavedView
            {
                Id = Guid.CreateVersion7(), PersonId = PersonId, Name = name, Query = stored,
                DateCreated = time.GetUtcNow(),
            });
        await db.SaveChangesAsync(ct);
        Succeeded(Text["Saved the view \"{0}\".", name]);
        return Redirect(back);
    }

    public async Task<IActionResult> OnPostDeleteViewAsync(Guid id, CancellationToken ct)
    {
        var view = await MyViews().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (view is null) return Missing();
        db.SavedViews.Remove(view);
        await db.SaveChangesAsync(ct);
        Succeeded(Text["Deleted the view \"{0}\".", view.Name]);
        return Redirect("/console/orders");
    }

    private Guid PersonId => Guid.Parse(User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)!.Value);

    private IQueryable<SavedView> MyViews() => db.SavedViews.Where(v => v.PersonId == PersonId);

    /// <summary>The link of a saved view, read again through the same parse as a typed link.</summary>
    public static string UrlOf(SavedView view) => InboxQuery.Parse(view.Query).Url();

    public bool IsCurrent(IReadOnlyList<OrderStatus> statuses) =>
        Query.ToQueryString() == new InboxQuery { Statuses = statuses }.ToQueryString();

    public bool IsCurrent(SavedView view) => InboxQuery.Parse(view.Query).ToQueryString() == Query.ToQueryString();

    public string PageUrl(string? after) => Query.Url(after: after);

    /// <summary>aria-sort of a column header.</summary>
    public string? AriaSort(OrderSort sort) =>
        Query.Sort != sort ? null : Query.Descending ? "descending" : "ascending";
}
