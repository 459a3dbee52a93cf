using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Enumerations;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The inbox as CSV: the same URL, so exactly the orders its filters select, on every page, in its sort, streamed.
/// Headers and status names in the person's language; in Dutch separated by semicolons with decimal commas, as a
/// Dutch spreadsheet program reads them, in English by commas.
/// </summary>
public sealed class InboxExportModel(OrdersDbContext db, TimeProvider time) : ConsolePage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var selection = InboxQuery.Of(Request.Query).ToSelection(Format, out _);
        var rows = db.Orders.Visible(Caller).AsNoTracking().Apply(selection).Sorted(selection).Rows();
        OrderCsv.PrepareResponse(Response, $"orders-{Format.Date(time.GetUtcNow())}.csv");
        await OrderCsv.WriteAsync(Response.Body, rows.AsAsyncEnumerable(), Layout(), ct);
        return new EmptyResult();
    }

    private OrderCsv.Layout Layout()
    {
        var dutch = Language == DisplayLanguage.Dutch;
        // The process runs in invariant globalization: the Dutch decimal comma is said here, not looked up.
        var numbers = dutch ? new NumberFormatInfo { NumberDecimalSeparator = "," } : NumberFormatInfo.InvariantInfo;
        var party = Caller.Role == Role.Provider;
        return new OrderCsv.Layout(dutch ? ';' : ',',
        [
            Text["Order"], Text["Status"], Text["Course"], Text["Customer"], Text["E-mail"],
            party ? Text["Employer"] : Text["Provider"], Text["Starts"], Text["Total"], Text["Created"],
            Text["Last change"],
        ],
        row =>
        [
            new(row.OrderNumber.ToString(CultureInfo.InvariantCulture)), new(Format.Of(row.Status)),
            new(row.CourseName, true), new(row.CustomerName, true), new(row.Email, true),
            new(party ? row.AccountName : row.ProviderName, true),
            new(row.StartDate is null ? null : Format.Date(row.StartDate)),
            new(row.Total.ToString("0.00", numbers)), new(Format.DateTime(row.DateCreated)),
            new(Format.DateTime(row.DateModified)),
        ]);
    }
}
