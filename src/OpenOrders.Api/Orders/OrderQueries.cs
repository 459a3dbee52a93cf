using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Reads of the orders a caller may see, built from the one rule (<see cref="Visibility.Orders"/>): someone else's
/// order is simply not found.
/// </summary>
public static class OrderQueries
{
    /// <summary>
    /// The version of an order the caller may see, or null: the one query of a GET served from the body cache.
    /// Compiled once per role and per database provider (a compiled query keeps the model it first ran with), so a
    /// read skips LINQ translation and the query-cache lookup. The tenant is compared in the answer, not the filter:
    /// the order is found by its key alone, so no plan can take a tenant's index instead (docs/decisions/0007).
    /// </summary>
    public static Task<int?> VisibleVersionAsync(this OrdersDbContext db, Guid id, Caller caller, CancellationToken ct)
        => VersionQueries.GetOrAdd((db.GetType(), caller.Role), key => VersionQuery(key.Role))(
            db, id, caller.TenantId ?? Guid.Empty, ct);

    private static readonly ConcurrentDictionary<(Type, Role Role),
        Func<OrdersDbContext, Guid, Guid, CancellationToken, Task<int?>>> VersionQueries = new();

    private static Func<OrdersDbContext, Guid, Guid, CancellationToken, Task<int?>> VersionQuery(Role role)
    {
        Expression<Func<OrdersDbContext, Guid, Guid, CancellationToken, int?>> query = (db, id, tenant, _) =>
            db.Orders.Where(o => o.Id == id).Select(o => Sees(o, tenant) ? (int?)o.Version : null).FirstOrDefault();
        return EF.CompileAsyncQuery(
            (Expression<Func<OrdersDbContext, Guid, Guid, CancellationToken, int?>>)new PutRule(role).Visit(query));
    }

    // Stands for the visibility rule in the query above, until PutRule puts the rule of the caller's role there.
    private static bool Sees(Order order, Guid tenant) => throw new UnreachableException();

    private sealed class PutRule(Role role) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name != nameof(Sees) || node.Method.DeclaringType != typeof(OrderQueries))
                return base.VisitMethodCall(node);
            var order = node.Arguments[0];
            return Visibility.Inline(Visibility.Orders(role), Expression.Property(order, nameof(Order.AccountId)),
                Expression.Property(order, nameof(Order.ProviderId)), node.Arguments[1]);
        }
    }

    public static Task<Order?> FindVisibleAsync(this OrdersDbContext db, Guid id, Caller caller, CancellationToken ct,
        bool tracked = true)
    {
        var query = db.Orders.Visible(caller).Include(o => o.StatusTransitions).Where(o => o.Id == id);
        return (tracked ? query : query.AsNoTracking()).SingleOrDefaultAsync(ct);
    }
}
