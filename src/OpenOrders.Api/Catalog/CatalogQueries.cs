using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Catalog;

/// <summary>What each caller may see of the catalog. Every catalog read starts from one of these.</summary>
public static class CatalogQueries
{
    public static IQueryable<Assortment> AssortmentsOf(OrdersDbContext db, Caller caller) => caller.Role switch
    {
        Role.Admin => db.Assortments.AsNoTracking(),
        Role.Account => db.Assortments.AsNoTracking().Where(a => a.AccountIds.Contains(caller.Tenant)),
        _ => db.Assortments.Where(_ => false),
    };

    /// <summary>
    /// A provider sees its own courses; an account the active courses of its assortments; an admin all.
    /// </summary>
    public static async Task<IQueryable<Product>> CoursesOfAsync(OrdersDbContext db, Caller caller,
        CancellationToken ct)
    {
        var products = db.Products.AsNoTracking();
        switch (caller.Role)
        {
            case Role.Admin:
                return products;
            case Role.Provider:
                return products.Where(p => p.ProviderId == caller.Tenant);
            case Role.Account:
                var ids = await ProductIdsOfAccountAsync(db, caller.Tenant, ct);
                return products.Where(p => p.IsActive && ids.Contains(p.Id));
            default:
                return products.Where(_ => false);
        }
    }

    public static async Task<HashSet<Guid>> ProductIdsOfAccountAsync(OrdersDbContext db, Guid accountId,
        CancellationToken ct)
    {
        var lists = await db.Assortments.AsNoTracking().Where(a => a.AccountIds.Contains(accountId))
            .Select(a => a.ProductIds).ToListAsync(ct);
        return [.. lists.SelectMany(l => l)];
    }
}
