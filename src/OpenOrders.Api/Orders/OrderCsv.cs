using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Lists of orders as CSV for spreadsheet programs: UTF-8 with a byte-order mark (so Excel reads the accents), every
/// field that holds the separator, either separator, a quote or a line break quoted, and a text that a spreadsheet
/// would run as a formula (= + - @, a tab or a carriage return first) written with a leading apostrophe. Rows are
/// written as the database hands them over, so memory does not grow with the number of orders.
/// </summary>
public static class OrderCsv
{
    /// <summary>How a CSV is written: its separator, its header and one row's fields (texts marked as such).</summary>
    public sealed record Layout(char Separator, IReadOnlyList<string> Header,
        Func<OrderRow, IReadOnlyList<Field>> Fields);

    /// <summary>A field: a <see cref="Text"/> from a person is guarded against formulas; a value we wrote is not.
    /// </summary>
    public readonly record struct Field(string? Value, bool Text = false);

    private const int FlushEvery = 500;

    public static async Task WriteAsync(Stream body, IAsyncEnumerable<OrderRow> rows, Layout layout,
        CancellationToken ct)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            bufferSize: 16 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, layout.Separator, layout.Header.Select(h => new Field(h, true)).ToList());
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await WriteLineAsync(writer, layout.Separator, layout.Fields(row));
            if (++count % FlushEvery == 0) await writer.FlushAsync(ct);
        }
        await writer.FlushAsync(ct);
    }

    private static async Task WriteLineAsync(StreamWriter writer, char separator, IReadOnlyList<Field> fields)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (i > 0) await writer.WriteAsync(separator);
            await writer.WriteAsync(Escape(fields[i]));
        }
        await writer.WriteAsync("\r\n");
    }

    public static string Escape(Field field)
    {
        var value = field.Value ?? "";
        if (field.Text && value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        return value.IndexOfAny([',', ';', '"', '\r', '\n']) >= 0 || value != value.Trim()
            ? "\"" + value.Replace("\"", "\"\"") + "\""
            : value;
    }

    /// <summary>The API's layout: comma-separated, the API's property names, instants in ISO 8601 UTC.</summary>
    public static readonly Layout Api = new(',',
        ["orderNumber", "status", "name", "customerName", "customerEmail", "accountName", "providerName", "startDate",
            "total", "dateCreated", "dateModified", "id"],
        row =>
        [
            new(row.OrderNumber.ToString(CultureInfo.InvariantCulture)), new(row.Status.ToString()),
            new(row.CourseName, true), new(row.CustomerName, true), new(row.Email, true),
            new(row.AccountName, true), new(row.ProviderName, true), new(Iso(row.StartDate)),
            new(row.Total.ToString("0.00", CultureInfo.InvariantCulture)), new(Iso(row.DateCreated)),
            new(Iso(row.DateModified)), new(row.Id.ToString()),
        ]);

    private static string? Iso(DateTimeOffset? value) =>
        value?.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static void PrepareResponse(HttpResponse response, string fileName)
    {
        response.ContentType = "text/csv; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
    }

    /// <summary>GET /api/v1/orders/export: the list's filters, every matching order, as CSV.</summary>
    public static RouteGroupBuilder MapOrderExport(this RouteGroupBuilder orders)
    {
        orders.MapGet("/export", ExportOrders).WithName("ExportOrders")
            .WithSummary("Every order the list's filters select, as CSV")
            .WithDescription("The same filters and the same visibility as GET /api/v1/orders (a caller sees only its " +
                "own orders: Auth/Visibility), without paging: every matching order, oldest change first, streamed. " +
                "UTF-8 with a byte-order mark, comma-separated, RFC 4180 quoting; texts that a spreadsheet would run " +
                "as a formula start with an apostrophe.")
            .Produces(200, contentType: "text/csv").ProducesValidationProblem();
        return orders;
    }

    public static async Task<Results<EmptyHttpResult, ValidationProblem>> ExportOrders(
        Caller caller, HttpResponse response, OrdersDbContext db, TimeProvider time, CancellationToken ct,
        [AsParameters] OrderExportFilter filter)
    {
        var errors = new RequestErrors();
        var statuses = OrderList.Statuses(filter.Status, errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var selection = new OrderSelection
        {
            Statuses = statuses, OrderNumber = filter.OrderNumber, ProductId = filter.ProductId,
            AccountId = filter.AccountId, ProviderId = filter.ProviderId, CreatedFrom = filter.CreatedFrom,
            CreatedBefore = filter.CreatedTo, UpdatedSince = filter.UpdatedSince, Descending = false,
        };
        PrepareResponse(response, $"orders-{time.GetUtcNow():yyyy-MM-dd}.csv");
        var rows = db.Orders.Visible(caller).AsNoTracking().Apply(selection).Sorted(selection).Rows();
        await OrderCsv.WriteAsync(response.Body, rows.AsAsyncEnumerable(), Api, ct);
        return TypedResults.Empty;
    }
}

public sealed record OrderExportFilter(
    string[]? Status, int? OrderNumber, Guid? ProductId, Guid? AccountId, Guid? ProviderId,
    DateTimeOffset? CreatedFrom, DateTimeOffset? CreatedTo, DateTimeOffset? UpdatedSince);
