using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Validation;

/// <summary>
/// Validates a batch of leased orders: loads them and the catalog they need in a few queries, applies each
/// outcome, and deletes the jobs — all in one transaction that commits only while every lease is still this
/// worker's. A lease lost to another worker rolls the whole batch back: nothing is ever validated twice.
/// </summary>
public sealed class OrderValidator(OrdersDbContext db, TimeProvider time, Hosting.OrdersMetrics metrics, ILogger<OrderValidator> log)
{
    public async Task<bool> ValidateAsync(Guid orderId, string owner, CancellationToken ct) =>
        await ValidateAsync([orderId], owner, ct) == 1;

    /// <summary>Returns how many of the orders were validated (0 when a lease was lost).</summary>
    public async Task<int> ValidateAsync(IReadOnlyCollection<Guid> orderIds, string owner, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var orders = await db.Orders.Include(o => o.StatusTransitions).Where(o => orderIds.Contains(o.Id)).ToListAsync(ct);
        var pending = orders.Where(o => o.Status == OrderStatus.PendingValidation).ToList();
        var now = time.GetUtcNow();
        var catalog = await CatalogFor(pending, ct);
        foreach (var order in pending)
            order.CompleteValidation(catalog.ContextFor(order, now));

        // Deleting our own leases is the proof that no other worker took the jobs meanwhile.
        var deleted = await db.ValidationJobs.Where(j => orderIds.Contains(j.OrderId) && j.LeaseOwner == owner).ExecuteDeleteAsync(ct);
        if (deleted != orderIds.Count)
        {
            log.LogWarning("Lost the lease on {Lost} of {Count} validation jobs; leaving the batch to the new holders.", orderIds.Count - deleted, orderIds.Count);
            return 0;
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        foreach (var order in pending.Where(o => o.StatusTransitions.Count(t => t.FromStatus == OrderStatus.PendingValidation) == 1))
            metrics.Validated(time.GetUtcNow() - order.DateCreated);
        return pending.Count;
    }

    /// <summary>Everything the checks look at, for the whole batch at once.</summary>
    private async Task<Catalog> CatalogFor(List<Order> orders, CancellationToken ct)
    {
        var accountIds = orders.Select(o => o.AccountId).Distinct().ToList();
        var productIds = orders.Select(o => o.ProductId).Distinct().ToList();
        var codes = orders.Select(o => o.PromotionalCode).OfType<string>().Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var products = await db.Products.AsNoTracking().AsSplitQuery().Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var providerIds = products.Values.Select(p => p.ProviderId).Distinct().ToList();
        var providers = await db.Providers.AsNoTracking().Where(p => providerIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var assortments = new Dictionary<Guid, List<Assortment>>();
        foreach (var accountId in accountIds)
            assortments[accountId] = await db.Assortments.AsNoTracking().Where(a => a.AccountIds.Contains(accountId)).OrderBy(a => a.Name).ToListAsync(ct);
        var promotions = codes.Count == 0 ? [] : await db.PromotionalCodes.AsNoTracking().Where(p => codes.Contains(p.Code)).ToDictionaryAsync(p => p.Code, ct);
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
