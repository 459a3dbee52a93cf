namespace OpenOrders.Domain.Orders;

public enum OrderChangeKind
{
    Created,
    Modified,
    StatusTransitioned,
}

/// <summary>
/// One committed change of an order and the properties it touched, written in the same transaction as the
/// change. Change notifications (webhooks, the events feed) are built from these rows.
/// </summary>
public sealed class OrderChange
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public int Version { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public OrderChangeKind Kind { get; set; }
    public List<string> ModifiedFields { get; set; } = [];
    public Guid? StatusTransitionId { get; set; }

    /// <summary>The order's status right after the change: what notices read (the order may have moved on).</summary>
    public OrderStatus Status { get; set; }

    /// <summary>Set by the store at insert.</summary>
    public long Position { get; set; }

    /// <summary>
    /// Set when the change is fanned out to subscriptions: its place in the events feed, in commit order.
    /// </summary>
    public long? FeedPosition { get; set; }
}
