using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Validation;

/// <summary>
/// Validates one leased order: loads what the checks need, applies the outcome, and deletes the job — all in
/// one transaction that commits only while the lease is still this worker's.
/// </summary>
public sealed class OrderValidator(OrdersDbContext db, TimeProvider time, Hosting.OrdersMetrics metrics, ILogger<OrderValidator> log)
{
    public async Task<bool> ValidateAsync(Guid orderId, string owner, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.Include(o => o.StatusTransitions).SingleOrDefaultAsync(o => o.Id == orderId, ct);

        if (order is { Status: OrderStatus.PendingValidation })
        {
            var now = time.GetUtcNow();
            var account = await db.Accounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == order.AccountId, ct);
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct);
            var provider = product is null ? null : await db.Providers.AsNoTracking().SingleOrDefaultAsync(p => p.Id == product.ProviderId, ct);
            var assortments = account is null || product is null ? [] : await db.Assortments.AsNoTracking()
                .Where(a => a.AccountIds.Contains(account.Id) && a.ProductIds.Contains(product.Id)).OrderBy(a => a.Name).ToListAsync(ct);
            var code = order.PromotionalCode is { } c ? await db.PromotionalCodes.AsNoTracking().SingleOrDefaultAsync(p => p.Code == c, ct) : null;

            order.CompleteValidation(new ValidationContext(account, product, provider, assortments, code, now));
        }

        // Deleting our own lease is the proof that no other worker took the job meanwhile.
        var deleted = await db.ValidationJobs.Where(j => j.OrderId == orderId && j.LeaseOwner == owner).ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            log.LogWarning("Lost the lease on validation of order {OrderId}; leaving it to the new holder.", orderId);
            return false;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        if (order is not null && order.StatusTransitions.Count(t => t.FromStatus == OrderStatus.PendingValidation) == 1)
            metrics.Validated(time.GetUtcNow() - order.DateCreated);
        return order is not null;
    }
}
