using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Api.Catalog;

/// <summary>
/// What each caller may see of the catalog, built from the rules in <see cref="Visibility"/>. Every catalog read starts
/// from one of these.
/// </summary>
public static class CatalogQueries
{
    public static IQueryable<Assortment> AssortmentsOf(OrdersDbContext db, Caller caller) =>
        db.Assortments.AsNoTracking().Visible(caller);

    /// <summary>The courses the caller sees (<see cref="Visibility.Courses"/>).</summary>
    public static async Task<IQueryable<Product>> CoursesOfAsync(OrdersDbContext db, Caller caller,
        CancellationToken ct)
    {
        HashSet<Guid> accountsCourses = caller.Role == Role.Account
            ? [.. (await AssortmentsOf(db, caller).Select(a => a.ProductIds).ToListAsync(ct)).SelectMany(l => l)]
            : [];
        var sees = Visibility.Courses(caller.Role, accountsCourses);
        return db.Products.AsNoTracking().Where(Visibility.Bind(sees, caller));
    }
}
