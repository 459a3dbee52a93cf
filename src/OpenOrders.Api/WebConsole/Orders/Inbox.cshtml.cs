using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The inbox: filters in the URL (so a link can be shared), a count per status, cursor paging.</summary>
public sealed class InboxModel(OrdersDbContext db, InboxCounts counts) : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "status")]
    public string[]? StatusNames { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public IReadOnlyList<OrderStatus> Statuses { get; private set; } = [];
    public InboxPage Result { get; private set; } = null!;

    /// <summary>Why a typed date was not used, shown beside the filters.</summary>
    public string? DateProblem { get; private set; }
    public bool IsLaterPage => After is not null;

    /// <summary>Where a person lands: what waits for them; the admin sees everything still open.</summary>
    public static string LandingUrl(Role role) => role switch
    {
        Role.Provider => "/console/orders?status=PendingProvider",
        Role.Account => "/console/orders?status=PendingAccount",
        _ => "/console/orders?" + string.Join("&", Enum.GetValues<OrderStatus>()
            .Where(s => !OrderStatusMachine.Final.Contains(s)).Select(s => $"status={s}")),
    };

    public static string BadgeOf(OrderStatus status) =>
        OrderStatusMachine.Final.Contains(status) ? "final" : status == OrderStatus.Invalid ? "attention" : "open";

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Unknown names in a hand-edited link are ignored rather than refused: the page still shows something useful.
        Statuses = [.. (StatusNames ?? [])
            .Select(n => OrderStatusMachine.TryParse(n, out var s) ? s : (OrderStatus?)null)
            .OfType<OrderStatus>().Distinct().Order()];
        var (from, to) = (Format.ParseDate(From), Format.ParseDate(To));
        // A date that cannot be read is said, not silently dropped: the list would otherwise look filtered.
        if (from is null && !string.IsNullOrWhiteSpace(From) || to is null && !string.IsNullOrWhiteSpace(To))
            DateProblem = Text["Enter dates as year-month-day between {0} and {1}, for example 2027-01-31.",
                ConsoleFormat.FirstYear, ConsoleFormat.LastYear];
        var filter = new InboxFilter(Statuses, Search, from, to?.AddDays(1),
            After is null ? null : OrderCursor.Parse(After));
        Result = await Inbox.ReadAsync(db, counts, Caller, filter, ct);
    }

    public string PageUrl(string? after)
    {
        var query = new List<KeyValuePair<string, string?>>();
        query.AddRange(Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        if (!string.IsNullOrWhiteSpace(Search)) query.Add(new("q", Search));
        if (!string.IsNullOrWhiteSpace(From)) query.Add(new("from", From));
        if (!string.IsNullOrWhiteSpace(To)) query.Add(new("to", To));
        if (after is not null) query.Add(new("after", after));
        return QueryHelpers.AddQueryString("/console/orders", query);
    }
}
