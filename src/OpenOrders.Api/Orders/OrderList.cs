using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// GET /api/v1/orders: the caller's orders, oldest change first, ordered by (dateModified, orderNumber), with an
/// opaque cursor. A sync (updatedSince or cursor) only sees changes older than <see cref="SettleTime"/>, so a
/// transaction that took its timestamp but has not committed yet cannot be skipped by a client that moves on.
/// </summary>
public static class OrderList
{
    public static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(2);

    /// <summary>The <c>status</c> query values as statuses (aliases included); each unknown one is an error.</summary>
    public static List<OrderStatus> Statuses(IEnumerable<string>? names, RequestErrors errors)
    {
        var statuses = new List<OrderStatus>();
        foreach (var name in names ?? [])
            if (OrderStatusMachine.TryParse(name, out var status)) statuses.Add(status);
            else errors.Add("status", $"'{name}' is not a status.");
        return statuses;
    }

    public static async Task<Results<Ok<OrderPage>, EmptyHttpResult, ValidationProblem>> ListOrders(
        Caller caller, HttpRequest request, OrdersDbContext db, TimeProvider time, CancellationToken ct,
        [AsParameters] OrderFilter filter)
    {
        if (WantsCsv(request)) return await CsvAsync(caller, request, db, time, ct, filter);
        var errors = new RequestErrors();
        var statuses = OrderList.Statuses(filter.Status, errors);
        var limit = filter.Limit ?? 50;
        if (limit is < 1 or > 200) errors.Add("limit", "Between 1 and 200.");
        OrderCursor? cursor = null;
        if (filter.Cursor is { } c && (cursor = OrderCursor.Parse(c)) is null)
            errors.Add("cursor", "Not a cursor this service gave out.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var query = db.Orders.Visible(caller).AsNoTracking();
        // One status as an equality, so the (tenant, status, dateModified, orderNumber) index gives the order and
        // the page stops early; a list of them cannot (bench/scale; figures in decision record 0006).
        if (statuses.Count == 1)
        {
            var only = statuses[0];
            query = query.Where(o => o.Status == only);
        }
        else if (statuses.Count > 1) query = query.Where(o => statuses.Contains(o.Status));
        if (filter.OrderNumber is { } number) query = query.Where(o => o.OrderNumber == number);
        if (filter.ProductId is { } product) query = query.Where(o => o.ProductId == product);
        if (filter.AccountId is { } account) query = query.Where(o => o.AccountId == account);
        if (filter.ProviderId is { } provider) query = query.Where(o => o.ProviderId == provider);
        // Instants in UTC, whatever offset the client wrote: PostgreSQL takes no other, and SQLite compares the
        // stored form, which is only ordered in time when every offset is the same.
        if (filter.CreatedFrom?.ToUniversalTime() is { } from) query = query.Where(o => o.DateCreated >= from);
        if (filter.CreatedTo?.ToUniversalTime() is { } to) query = query.Where(o => o.DateCreated < to);
        if (filter.UpdatedSince?.ToUniversalTime() is { } since) query = query.Where(o => o.DateModified >= since);
        // The first condition says the same as the rest, in a form an index range can start from.
        if (cursor is { } after)
            query = query.Where(o => o.DateModified >= after.DateModified
                && (o.DateModified > after.DateModified
                    || (o.DateModified == after.DateModified && o.OrderNumber > after.OrderNumber)));
        if (filter.UpdatedSince is not null || cursor is not null)
        {
            var settled = time.GetUtcNow() - SettleTime;
            query = query.Where(o => o.DateModified <= settled);
        }

        var orders = await query.OrderBy(o => o.DateModified).ThenBy(o => o.OrderNumber).Take(limit + 1)
            .Include(o => o.StatusTransitions).AsSplitQuery().ToListAsync(ct);
        var hasMore = orders.Count > limit;
        if (hasMore) orders.RemoveAt(limit);
        var next = orders.Count > 0
            ? new OrderCursor(orders[^1].DateModified, orders[^1].OrderNumber).ToString()
            : filter.Cursor;
        var baseUrl = Links.BaseUrl(request);
        return TypedResults.Ok(new OrderPage([.. orders.Select(o => OrderResponse.From(o, baseUrl))], next, hasMore));
    }

    /// <summary>
    /// <c>Accept: text/csv</c> preferred over JSON: the export of the same filters (every matching order, so paging
    /// does not apply and is refused rather than ignored).
    /// </summary>
    private static async Task<Results<Ok<OrderPage>, EmptyHttpResult, ValidationProblem>> CsvAsync(Caller caller,
        HttpRequest request, OrdersDbContext db, TimeProvider time, CancellationToken ct, OrderFilter filter)
    {
        var errors = new RequestErrors();
        const string everything = "Not with Accept: text/csv, which answers every matching order at once.";
        if (filter.Limit is not null) errors.Add("limit", everything);
        if (filter.Cursor is not null) errors.Add("cursor", everything);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());
        var export = await OrderCsv.ExportOrders(caller, request.HttpContext.Response, db, time, ct,
            new OrderExportFilter(filter.Status, filter.OrderNumber, filter.ProductId, filter.AccountId,
                filter.ProviderId, filter.CreatedFrom, filter.CreatedTo, filter.UpdatedSince));
        return export.Result switch
        {
            ValidationProblem problem => problem,
            _ => TypedResults.Empty,
        };
    }

    /// <summary>Whether the Accept header ranks text/csv above JSON (a plain browser or client gets JSON).</summary>
    public static bool WantsCsv(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double Quality(string type) => accept
            .Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
        var csv = Quality("text/csv");
        return csv > 0 && csv > Math.Max(Quality("application/json"), Quality("application/*"));
    }
}

/// <summary>
/// The list's query, named in camelCase as the guide writes it (query names match in any case, so the older
/// PascalCase spelling works too).
/// </summary>
public sealed record OrderFilter(
    [FromQuery(Name = "status")] string[]? Status, [FromQuery(Name = "orderNumber")] int? OrderNumber,
    [FromQuery(Name = "productId")] Guid? ProductId, [FromQuery(Name = "accountId")] Guid? AccountId,
    [FromQuery(Name = "providerId")] Guid? ProviderId, [FromQuery(Name = "createdFrom")] DateTimeOffset? CreatedFrom,
    [FromQuery(Name = "createdTo")] DateTimeOffset? CreatedTo,
    [FromQuery(Name = "updatedSince")] DateTimeOffset? UpdatedSince, [FromQuery(Name = "limit")] int? Limit,
    [FromQuery(Name = "cursor")] string? Cursor);

/// <summary>A page of orders. <c>next</c> continues after the last order; keep it to sync later.</summary>
public sealed record OrderPage(IReadOnlyList<OrderResponse> Items, string? Next, bool HasMore);
