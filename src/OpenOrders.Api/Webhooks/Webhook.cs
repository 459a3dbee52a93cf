using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Webhooks;

/// <summary>One kind of notification: a resource and an action, with a fixed id to subscribe to.</summary>
public sealed record Webhook(Guid Id, string Resource, string Action)
{
    public static readonly Webhook OrderCreated =
        new(Guid.Parse("6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0001"), "orders", "Created");
    public static readonly Webhook OrderModified =
        new(Guid.Parse("6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0002"), "orders", "Modified");
    public static readonly Webhook StatusTransitionCreated =
        new(Guid.Parse("6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0003"), "order-status-transitions", "Created");

    public static readonly IReadOnlyList<Webhook> All = [OrderCreated, OrderModified, StatusTransitionCreated];

    public static Webhook? Find(Guid id) => All.FirstOrDefault(w => w.Id == id);

    /// <summary>
    /// The notifications one committed change gives: a new order is <c>orders Created</c>; a change is
    /// <c>orders Modified</c>; a status move is both <c>order-status-transitions Created</c> and
    /// <c>orders Modified</c>.
    /// </summary>
    public static IReadOnlyList<Webhook> For(OrderChangeKind kind) => kind switch
    {
        OrderChangeKind.Created => [OrderCreated],
        OrderChangeKind.StatusTransitioned => [StatusTransitionCreated, OrderModified],
        _ => [OrderModified],
    };
}
