using System.Collections.Concurrent;
using System.Linq.Expressions;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Who sees what, written once per entity: for each role, an expression of the thing and the caller's tenant. Every
/// reader is built from these (the API, the console, the workers and the compiled queries of the hot path), so
/// someone else's resource is simply not found, the same way everywhere.
/// </summary>
public static class Visibility
{
    /// <summary>
    /// An account sees its own orders, a provider those for its courses, an admin all. Written over the order's two
    /// owners, so the fan-out can ask it of a change's order without loading the order.
    /// </summary>
    public static Expression<Func<Guid, Guid?, Guid, bool>> Orders(Role role) => role switch
    {
        Role.Admin => (accountId, providerId, tenant) => true,
        Role.Account => (accountId, providerId, tenant) => accountId == tenant,
        Role.Provider => (accountId, providerId, tenant) => providerId == tenant,
        _ => (accountId, providerId, tenant) => false,
    };

    /// <summary>An account sees only itself; an admin all.</summary>
    public static Expression<Func<Account, Guid, bool>> Accounts(Role role) => role switch
    {
        Role.Admin => (account, tenant) => true,
        Role.Account => (account, tenant) => account.Id == tenant,
        _ => (account, tenant) => false,
    };

    /// <summary>A provider sees only itself; an admin all.</summary>
    public static Expression<Func<Provider, Guid, bool>> Providers(Role role) => role switch
    {
        Role.Admin => (provider, tenant) => true,
        Role.Provider => (provider, tenant) => provider.Id == tenant,
        _ => (provider, tenant) => false,
    };

    /// <summary>An account sees the assortments it is in; an admin all.</summary>
    public static Expression<Func<Assortment, Guid, bool>> Assortments(Role role) => role switch
    {
        Role.Admin => (assortment, tenant) => true,
        Role.Account => (assortment, tenant) => assortment.AccountIds.Contains(tenant),
        _ => (assortment, tenant) => false,
    };

    /// <summary>
    /// A provider sees its own courses; an account the active courses of its assortments (<paramref
    /// name="accountsCourses"/>, read first through <see cref="Assortments"/>); an admin all.
    /// </summary>
    public static Expression<Func<Product, Guid, bool>> Courses(Role role, IReadOnlyCollection<Guid> accountsCourses)
        => role switch
        {
            Role.Admin => (course, tenant) => true,
            Role.Provider => (course, tenant) => course.ProviderId == tenant,
            Role.Account => (course, tenant) => course.IsActive && accountsCourses.Contains(course.Id),
            _ => (course, tenant) => false,
        };

    /// <summary>An admin sees all subscriptions, anyone else those of their own role and tenant.</summary>
    public static Expression<Func<WebhookSubscription, Guid, bool>> WebhookSubscriptions(Role role) => role switch
    {
        Role.Admin => (subscription, tenant) => true,
        Role.Account or Role.Provider => (subscription, tenant) =>
            subscription.OwnerRole == role && subscription.TenantId == tenant,
        _ => (subscription, tenant) => false,
    };

    /// <summary>
    /// A note is seen by its author's own tenant (same role, same account or provider) and by admins, never by the
    /// order's other party. Who sees the order at all is <see cref="Orders"/>, asked first.
    /// </summary>
    public static Expression<Func<OrderNote, Guid, bool>> OrderNotes(Role role) => role switch
    {
        Role.Admin => (note, tenant) => true,
        Role.Account or Role.Provider => (note, tenant) => note.AuthorRole == role && note.AuthorTenantId == tenant,
        _ => (note, tenant) => false,
    };

    /// <summary>The caller's orders.</summary>
    public static IQueryable<Order> Visible(this IQueryable<Order> orders, Caller caller)
    {
        var order = Expression.Parameter(typeof(Order), "o");
        var sees = Orders(caller.Role);
        var body = Inline(sees, Expression.Property(order, nameof(Order.AccountId)),
            Expression.Property(order, nameof(Order.ProviderId)), TenantOf(caller));
        return orders.Where(Expression.Lambda<Func<Order, bool>>(body, order));
    }

    public static IQueryable<Account> Visible(this IQueryable<Account> accounts, Caller caller) =>
        accounts.Where(Bind(Accounts(caller.Role), caller));

    public static IQueryable<Provider> Visible(this IQueryable<Provider> providers, Caller caller) =>
        providers.Where(Bind(Providers(caller.Role), caller));

    public static IQueryable<Assortment> Visible(this IQueryable<Assortment> assortments, Caller caller) =>
        assortments.Where(Bind(Assortments(caller.Role), caller));

    public static IQueryable<WebhookSubscription> Visible(this IQueryable<WebhookSubscription> subscriptions,
        Caller caller) => subscriptions.Where(Bind(WebhookSubscriptions(caller.Role), caller));

    public static IQueryable<OrderNote> Visible(this IQueryable<OrderNote> notes, Caller caller) =>
        notes.Where(Bind(OrderNotes(caller.Role), caller));

    /// <summary>Whether a subscriber of this role and tenant hears of an order with these owners (in memory).</summary>
    public static bool SeesOrder(Role role, Guid? tenant, Guid accountId, Guid? providerId) =>
        CompiledOrders.GetOrAdd(role, r => Orders(r).Compile())(accountId, providerId, tenant ?? Guid.Empty);

    private static readonly ConcurrentDictionary<Role, Func<Guid, Guid?, Guid, bool>> CompiledOrders = new();

    /// <summary>A rule with the caller's tenant in it, as a query parameter (not a constant: one plan for all).</summary>
    public static Expression<Func<T, bool>> Bind<T>(Expression<Func<T, Guid, bool>> rule, Caller caller) =>
        Expression.Lambda<Func<T, bool>>(Inline(rule, rule.Parameters[0], TenantOf(caller)), rule.Parameters[0]);

    /// <summary>The rule's body with its parameters replaced by these expressions, to build a bigger query.</summary>
    public static Expression Inline(LambdaExpression rule, params Expression[] arguments) =>
        new Replace(rule.Parameters.Zip(arguments).ToDictionary(p => (Expression)p.First, p => p.Second))
            .Visit(rule.Body)!;

    // Read through a closure so that EF Core sends the tenant as a parameter.
    private static MemberExpression TenantOf(Caller caller) => Expression.Property(
        Expression.Constant(new TenantBox(caller.TenantId ?? Guid.Empty)), nameof(TenantBox.Value));

    private sealed record TenantBox(Guid Value);

    private sealed class Replace(Dictionary<Expression, Expression> replacements) : ExpressionVisitor
    {
        public override Expression? Visit(Expression? node) =>
            node is not null && replacements.TryGetValue(node, out var replacement) ? replacement : base.Visit(node);
    }
}
