using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Invoicing;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>What one invoice run did, carried across its redirect: how much, and at most a page of it.</summary>
public sealed record InvoiceRunResult(
    int Count, int? FirstNumber, int? LastNumber, IReadOnlyList<InvoicedOrder> Shown)
{
    /// <summary>TempData travels in a cookie; a run of thousands is told by its numbers, not listed.</summary>
    public const int ShownAtMost = 50;

    public static InvoiceRunResult Of(IReadOnlyList<InvoicedOrder> invoiced) =>
        new(invoiced.Count, invoiced.FirstOrDefault()?.InvoiceNumber, invoiced.LastOrDefault()?.InvoiceNumber,
            [.. invoiced.Take(ShownAtMost)]);
}

/// <summary>The invoice run: the code of <c>POST /api/v1/invoice-runs</c>, <see cref="Invoicing.Invoices"/>.</summary>
public sealed class AdminInvoicingModel(OrdersDbContext db, Invoicing.Invoices invoicing) : ConsolePage
{
    public int PendingInvoice { get; private set; }

    [TempData]
    public string? LastRun { get; set; }

    public InvoiceRunResult? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PendingInvoice = await db.Orders.CountAsync(o => o.Status == OrderStatus.PendingInvoice, ct);
        Result = LastRun is null ? null : JsonSerializer.Deserialize<InvoiceRunResult>(LastRun);
    }

    public async Task<IActionResult> OnPostRunAsync(bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            // Invoice numbers cannot be taken back: the run is named and counted first.
            await OnGetAsync(ct);
            if (PendingInvoice == 0) return RedirectToPage();
            ConfirmStep = new Confirmation
            {
                Question = PendingInvoice == 1 ? Text["Invoice 1 order now?"]
                    : Text["Invoice {0} orders now?", PendingInvoice],
                Consequences =
                [
                    Text["Each gets the next invoice number and becomes {0}.", Format.Of(OrderStatus.Invoiced)],
                    Text["This cannot be undone: an invoice number is never given back."],
                ],
                Action = Url.Page("/Admin/Invoicing", "Run")!,
                ConfirmLabel = Text["Yes, run invoicing"], BackUrl = Url.Page("/Admin/Invoicing")!,
            };
            return Page();
        }
        try
        {
            var invoiced = await invoicing.RunAsync(Role.Admin, ct, Caller.Actor);
            var result = InvoiceRunResult.Of(invoiced);
            LastRun = JsonSerializer.Serialize(result);
            Succeeded(result.Count switch
            {
                0 => Text["There was nothing to invoice: no order is {0}.", Format.Of(OrderStatus.PendingInvoice)],
                1 => Text["Invoiced 1 order, with invoice number {0}.", result.FirstNumber!],
                _ => Text["Invoiced {0} orders, with invoice numbers {1} to {2}.",
                    result.Count, result.FirstNumber!, result.LastNumber!],
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // The run is one transaction: an order changed meanwhile rolls all of it back, numbers included.
            Failed(Text["One of the orders changed at the same moment, so nothing was invoiced. Run it again."]);
        }
        return RedirectToPage();
    }
}
