namespace OpenOrders.Domain.Orders;

/// <summary>One move of an order's status, kept for ever and reachable at its own URL.</summary>
public sealed class OrderStatusTransition
{
    public Guid Id { get; set; }
    public Guid OrderId { get; set; }

    /// <summary>1, 2, 3… within the order: the history's order even when two moves share a timestamp.</summary>
    public int Sequence { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public OrderStatus? FromStatus { get; set; }
    public OrderStatus Status { get; set; }
    public Role ChangedBy { get; set; }

    /// <summary>
    /// The API client or console person who asked for the move; none when the service moved it itself.
    /// </summary>
    public ActorKind? ChangedByKind { get; set; }
    public string? ChangedById { get; set; }
    public string? Message { get; set; }
    public CancellationReason? CancellationReason { get; set; }
    public AdminCancellationReason? AdminCancellationReason { get; set; }
}

/// <summary>
/// What a caller sends with a requested move, and who the caller is. <paramref name="InvoiceNumber"/> is what a
/// move that requires one sets; <paramref name="AlsoChanged"/> names properties the domain changed with the move,
/// so the move's one recorded change lists them.
/// </summary>
public sealed record TransitionDetails(
    string? Message = null, CancellationReason? CancellationReason = null,
    AdminCancellationReason? AdminCancellationReason = null,
    Actor? By = null, int? InvoiceNumber = null, IReadOnlyList<string>? AlsoChanged = null);

public enum ActorKind
{
    /// <summary>An API client, named by its client id.</summary>
    Client,

    /// <summary>A person signed in to the console, named by their e-mail address.</summary>
    Person,
}

/// <summary>
/// Who acted, beside the role: recorded on each transition so the history says which client or person it was.
/// </summary>
public sealed record Actor(ActorKind Kind, string Id);
