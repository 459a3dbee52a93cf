using OpenOrders.Api.Audit;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Invoicing;

/// <summary>The two invoicing steps: moving due accepted orders on, and the admin's invoice run.</summary>
public sealed class Invoices(OrdersDbContext db, TimeProvider time)
{
    /// <summary>
    /// Accepted orders whose start date has come (or, self-planned, at once) move to PendingInvoice, NotInvoiced
    /// or InvoicedByThirdParty by who invoices the account. Safe to repeat: moved orders no longer match.
    /// </summary>
    public async Task<int> MoveDueOrdersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var due = await db.Orders.Include(o => o.StatusTransitions)
            .Where(Order.DueForInvoicing(now))
            .OrderBy(o => o.AcceptedStartMomentDate).Take(500).ToListAsync(ct);
        foreach (var order in due)
            order.MoveTo(order.InvoicingStatus, Role.System, new TransitionDetails("Invoicing is due."), now);
        await db.SaveChangesAsync(ct);
        return due.Count;
    }

    /// <summary>
    /// Every PendingInvoice order becomes Invoiced, with consecutive invoice numbers in the order they became due.
    /// </summary>
    public async Task<IReadOnlyList<InvoicedOrder>> RunAsync(Role by, CancellationToken ct, Actor? actor = null)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var now = time.GetUtcNow();
        var orders = await db.Orders.Include(o => o.StatusTransitions)
            .Where(o => o.Status == OrderStatus.PendingInvoice)
            .OrderBy(o => o.DateModified).ThenBy(o => o.OrderNumber).ToListAsync(ct);
        if (orders.Count == 0) return [];
        var number = await InvoiceNumbers.TakeAsync(db, orders.Count, ct);
        var invoiced = new List<InvoicedOrder>();
        foreach (var order in orders)
        {
            order.MoveTo(OrderStatus.Invoiced, by, new TransitionDetails(By: actor, InvoiceNumber: number), now);
            invoiced.Add(new InvoicedOrder(order.Id, order.OrderNumber, number++));
        }
        db.Record(actor, AuditAction.InvoiceRun, $"{invoiced.Count}", now,
            $"{invoiced[0].InvoiceNumber}–{invoiced[^1].InvoiceNumber}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return invoiced;
    }
}

public sealed record InvoicedOrder(Guid OrderId, int OrderNumber, int InvoiceNumber);
