using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Validation;

/// <summary>
/// Validates a batch of leased orders: loads them and the catalog they need in a few queries and applies each
/// outcome; then one transaction deletes the jobs and stores the outcomes, and commits only while every lease
/// is still this worker's and no order changed meanwhile. A lost lease rolls the batch back (nothing is ever
/// validated twice); a changed order sends the batch back to the queue.
/// </summary>
public sealed class OrderValidator(OrdersDbContext db, TimeProvider time, Telemetry.OrdersMetrics metrics,
    ILogger<OrderValidator> log)
{
    public async Task<bool> ValidateAsync(Guid orderId, string owner, CancellationToken ct) =>
        await ValidateAsync([orderId], owner, ct) == 1;

    /// <summary>
    /// Returns how many of the orders were validated (0 when a lease was lost or an order changed meanwhile).
    /// </summary>
    public async Task<int> ValidateAsync(IReadOnlyCollection<Guid> orderIds, string owner, CancellationToken ct)
    {
        // Read and decide before the write transaction opens: on SQLite that transaction is the single writer's
        // turn, so it should hold only the writes. An order changed in between fails its version check below.
        db.ChangeTracker.Clear();
        var orders = await db.Orders.Include(o => o.StatusTransitions).Where(o => orderIds.Contains(o.Id))
            .ToListAsync(ct);
        var pending = orders.Where(o => o.Status == OrderStatus.PendingValidation).ToList();
        var now = time.GetUtcNow();
        var catalog = await CatalogFor(pending, ct);
        foreach (var order in pending)
            order.CompleteValidation(catalog.ContextFor(order, now));

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Deleting our own leases is the proof that no other worker took the jobs meanwhile.
        var deleted = await db.ValidationJobs.Where(j => orderIds.Contains(j.OrderId) && j.LeaseOwner == owner)
            .ExecuteDeleteAsync(ct);
        if (deleted != orderIds.Count)
        {
            log.LogWarning("Lost the lease on {Lost} of {Count} validation jobs; leaving the batch to the new holders.",
                orderIds.Count - deleted, orderIds.Count);
            return 0;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone changed one of the orders while it was being validated: undo, and give the jobs back so
            // the next pass validates the orders as they are now.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            await db.ValidationJobs.Where(j => orderIds.Contains(j.OrderId) && j.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, (string?)null)
                    .SetProperty(j => j.LeaseExpiresAt, (DateTimeOffset?)null), ct);
            log.LogInformation(
                "An order of a validation batch changed while it was validated; the batch goes back to the queue.");
            return 0;
        }
        await transaction.CommitAsync(ct);
        foreach (var order in pending
                .Where(o => o.StatusTransitions.Count(t => t.FromStatus == OrderStatus.PendingValidation) == 1))
            metrics.Validated(time.GetUtcNow() - order.DateCreated);
        return pending.Count;
    }

    /// <summary>
    /// A validation of this order threw: the job goes back to the queue after a backoff, or, after
    /// <see cref="ValidationJob.MaxAttempts"/>, is given up and the order says so. Nothing when the lease was lost.
    /// </summary>
    public async Task FailAsync(Guid orderId, string owner, Exception error, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var job = await db.ValidationJobs.SingleOrDefaultAsync(j => j.OrderId == orderId && j.LeaseOwner == owner, ct);
        if (job is null) return;
        var now = time.GetUtcNow();
        job.LeaseOwner = null;
        job.LeaseExpiresAt = null;
        var described = $"{error.GetType().Name}: {error.Message}";
        job.LastError = described.Length > 1000 ? described[..1000] : described;
        if (ValidationJob.Retries.NextDelay(job.Attempts) is { } delay)
        {
            job.DueAt = now + delay;
            log.LogWarning(error, "Validating order {OrderId} failed (attempt {Attempts}); trying again at {DueAt:O}.",
                orderId, job.Attempts, job.DueAt);
        }
        else
        {
            job.DateDead = now;
            var order = await db.Orders.SingleOrDefaultAsync(o => o.Id == orderId, ct);
            order?.ValidationNotCompleted(job.Attempts, now);
            metrics.ValidationGivenUp();
            log.LogError(error, "Gave up validating order {OrderId} after {Attempts} attempts; " +
                "an admin can retry it once the cause is fixed.", orderId, job.Attempts);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Everything the checks look at, for the whole batch at once.</summary>
    private async Task<Catalog> CatalogFor(List<Order> orders, CancellationToken ct)
    {
        var accountIds = orders.Select(o => o.AccountId).Distinct().ToList();
        var productIds = orders.Select(o => o.ProductId).Distinct().ToList();
        var codes = orders.Select(o => o.PromotionalCode).OfType<string>().Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, ct);
        var products = await db.Products.AsNoTracking().AsSplitQuery().Where(p => productIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        var providerIds = products.Values.Select(p => p.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        var assortments = new Dictionary<Guid, List<Assortment>>();
        foreach (var accountId in accountIds)
            assortments[accountId] = await db.Assortments.AsNoTracking().Where(a => a.AccountIds.Contains(accountId))
                .OrderBy(a => a.Name).ToListAsync(ct);
        var promotions = codes.Count == 0 ? [] : await db.PromotionalCodes.AsNoTracking()
            .Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
        return new Catalog(accounts, products, providers, assortments, promotions);
    }

    private sealed record Catalog(
        Dictionary<Guid, Account> Accounts, Dictionary<Guid, Product> Products, Dictionary<Guid, Provider> Providers,
        Dictionary<Guid, List<Assortment>> Assortments, Dictionary<string, PromotionalCode> Promotions)
    {
        public ValidationContext ContextFor(Order order, DateTimeOffset now)
        {
            var account = Accounts.GetValueOrDefault(order.AccountId);
            var product = Products.GetValueOrDefault(order.ProductId);
            var provider = product is null ? null : Providers.GetValueOrDefault(product.ProviderId);
            List<Assortment> holding = account is null || product is null
                ? [] : [.. Assortments.GetValueOrDefault(account.Id, []).Where(a => a.ProductIds.Contains(product.Id))];
            var code = order.PromotionalCode is { } c ? Promotions.GetValueOrDefault(c) : null;
            return new ValidationContext(account, product, provider, holding, code, now);
        }
    }
}
