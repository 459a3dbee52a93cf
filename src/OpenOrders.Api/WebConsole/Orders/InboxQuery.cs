using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The inbox's URL as the person wrote it (filters, sort, page size): read from the query string, written back for
/// links, saved views, the export and "all N matching". One parse, so the page, the CSV and a bulk move select the
/// same orders.
/// </summary>
public sealed record InboxQuery
{
    public IReadOnlyList<OrderStatus> Statuses { get; init; } = [];
    public string? Search { get; init; }
    public string? From { get; init; }
    public string? To { get; init; }
    public string? StartsFrom { get; init; }
    public string? StartsTo { get; init; }
    public Guid? Employer { get; init; }
    public Guid? Course { get; init; }
    public string? Number { get; init; }
    public OrderSort Sort { get; init; } = OrderSort.LastChange;
    public bool Descending { get; init; } = true;
    public int PageSize { get; init; } = Inbox.DefaultPageSize;

    /// <summary>Whether the URL says nothing at all: the person just opened "Orders".</summary>
    public bool IsBare { get; init; }

    public static InboxQuery Of(IQueryCollection query) => Parse(query.ToDictionary(q => q.Key, q => q.Value));

    public static InboxQuery Parse(string queryString) => Parse(QueryHelpers.ParseQuery(queryString));

    private static InboxQuery Parse(IDictionary<string, StringValues> query)
    {
        string? One(string name) => query.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v.ToString())
            ? v.ToString().Trim() : null;
        Guid? Id(string name) => Guid.TryParse(One(name), out var id) ? id : null;
        // Unknown names in a hand-edited link are ignored rather than refused: the page still shows something useful.
        var statuses = (query.TryGetValue("status", out var names) ? names.ToArray() : [])
            .Select(n => OrderStatusMachine.TryParse(n, out var s) ? s : (OrderStatus?)null)
            .OfType<OrderStatus>().Distinct().Order().ToList();
        var size = int.TryParse(One("size"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            && Inbox.PageSizes.Contains(n) ? n : Inbox.DefaultPageSize;
        return new InboxQuery
        {
            Statuses = statuses, Search = One("q"), From = One("from"), To = One("to"),
            StartsFrom = One("startsFrom"), StartsTo = One("startsTo"), Employer = Id("employer"),
            Course = Id("course"),
            Number = One("number"),
            Sort = Enum.TryParse<OrderSort>(One("sort"), ignoreCase: true, out var sort) && Enum.IsDefined(sort)
                ? sort : OrderSort.LastChange,
            Descending = One("dir") != "asc",
            PageSize = size,
            IsBare = query.Count == 0,
        };
    }

    /// <summary>
    /// What it selects; <paramref name="problem"/> is true when a typed date could not be read (and was left out).
    /// </summary>
    public OrderSelection ToSelection(ConsoleFormat format, out bool problem)
    {
        var (from, to, startsFrom, startsTo) = (format.ParseDate(From), format.ParseDate(To),
            format.ParseDate(StartsFrom), format.ParseDate(StartsTo));
        problem = from is null && From is not null || to is null && To is not null
            || startsFrom is null && StartsFrom is not null || startsTo is null && StartsTo is not null;
        return new OrderSelection
        {
            Statuses = Statuses, Search = Search, CreatedFrom = from, CreatedBefore = to?.AddDays(1),
            StartsFrom = startsFrom, StartsBefore = startsTo?.AddDays(1), AccountId = Employer, ProductId = Course,
            NumberPrefix = Number, Sort = Sort, Descending = Descending,
        };
    }

    /// <summary>The query string (without "?"), in a fixed order, leaving out what is the default.</summary>
    public string ToQueryString(string? after = null)
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        pairs.AddRange(Statuses.Select(s => new KeyValuePair<string, string?>("status", s.ToString())));
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value)) pairs.Add(new(name, value));
        }
        Add("q", Search);
        Add("from", From);
        Add("to", To);
        Add("startsFrom", StartsFrom);
        Add("startsTo", StartsTo);
        Add("employer", Employer?.ToString());
        Add("course", Course?.ToString());
        Add("number", Number);
        if (Sort != OrderSort.LastChange) Add("sort", Sort.ToString());
        if (!Descending) Add("dir", "asc");
        if (PageSize != Inbox.DefaultPageSize) Add("size", PageSize.ToString(CultureInfo.InvariantCulture));
        Add("after", after);
        return QueryHelpers.AddQueryString("", pairs).TrimStart('?');
    }

    public string Url(string path = "/console/orders", string? after = null)
    {
        var query = ToQueryString(after);
        // An empty selection still says so, so it is not taken for a bare "Orders" that lands on a view.
        return path + "?" + (query.Length == 0 && path == "/console/orders" ? "view=all" : query);
    }

    /// <summary>The same list sorted by this column: the other direction when it is sorted by it already.</summary>
    public InboxQuery SortedBy(OrderSort sort) => this with
    {
        Sort = sort, Descending = sort != Sort ? sort != OrderSort.OrderNumber : !Descending,
    };
}
