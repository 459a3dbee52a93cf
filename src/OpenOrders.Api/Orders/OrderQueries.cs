using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>The orders a caller may see: an account its own, a provider those for its courses, an admin all.</summary>
public static class OrderQueries
{
    public static IQueryable<Order> Visible(this DbSet<Order> orders, Caller caller) => caller.Role switch
    {
        Role.Admin => orders,
        Role.Account => orders.Where(o => o.AccountId == caller.Tenant),
        Role.Provider => orders.Where(o => o.ProviderId == caller.Tenant),
        _ => orders.Where(_ => false),
    };

    /// <summary>
    /// The version of an order the caller may see, or null: the one query of a GET served from the body cache.
    /// Compiled once per role shape and per provider (a compiled query keeps the model it first ran with), so a
    /// read skips LINQ translation and the query-cache lookup. The tenant is compared in the answer, not the filter:
    /// the order is found by its key alone, so no plan can take a tenant's index instead. A plan PostgreSQL prepared
    /// before the table had statistics did, and read 867 buffers per GET instead of 3, halving the GET rate.
    /// </summary>
    public static Task<int?> VisibleVersionAsync(this OrdersDbContext db, Guid id, Caller caller, CancellationToken ct)
    {
        var queries = VersionQueries.For.GetOrAdd(db.GetType(), _ => new VersionQueries());
        return caller.Role switch
        {
            Role.Admin => queries.Any(db, id, ct),
            Role.Account => queries.OfAccount(db, id, caller.Tenant, ct),
            Role.Provider => queries.OfProvider(db, id, caller.Tenant, ct),
            _ => Task.FromResult<int?>(null),
        };
    }

    private sealed class VersionQueries
    {
        public static readonly ConcurrentDictionary<Type, VersionQueries> For = new();

        public readonly Func<OrdersDbContext, Guid, CancellationToken, Task<int?>> Any = EF.CompileAsyncQuery(
            (OrdersDbContext db, Guid id, CancellationToken _) =>
                db.Orders.Where(o => o.Id == id).Select(o => (int?)o.Version).FirstOrDefault());

        public readonly Func<OrdersDbContext, Guid, Guid, CancellationToken, Task<int?>> OfAccount =
            EF.CompileAsyncQuery((OrdersDbContext db, Guid id, Guid tenant, CancellationToken _) =>
                db.Orders.Where(o => o.Id == id)
                    .Select(o => o.AccountId == tenant ? (int?)o.Version : null).FirstOrDefault());

        public readonly Func<OrdersDbContext, Guid, Guid, CancellationToken, Task<int?>> OfProvider =
            EF.CompileAsyncQuery((OrdersDbContext db, Guid id, Guid tenant, CancellationToken _) =>
                db.Orders.Where(o => o.Id == id)
                    .Select(o => o.ProviderId == tenant ? (int?)o.Version : null).FirstOrDefault());
    }

    public static Task<Order?> FindVisibleAsync(this OrdersDbContext db, Guid id, Caller caller, CancellationToken ct,
        bool tracked = true)
    {
        var query = db.Orders.Visible(caller).Include(o => o.StatusTransitions).Where(o => o.Id == id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
