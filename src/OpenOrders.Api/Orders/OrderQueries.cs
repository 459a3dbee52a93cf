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

    public static Task<Order?> FindVisibleAsync(this OrdersDbContext db, Guid id, Caller caller, CancellationToken ct, bool tracked = true)
    {
        var query = db.Orders.Visible(caller).Include(o => o.StatusTransitions).Where(o => o.Id == id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
