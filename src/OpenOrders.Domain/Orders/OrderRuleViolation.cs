namespace OpenOrders.Domain.Orders;

public enum ViolationKind
{
    /// <summary>The move is not in the table for this status and role (409, listing the allowed moves).</summary>
    IllegalTransition,
    /// <summary>A field the move needs is missing or wrong (400, naming it).</summary>
    MissingInput,
    /// <summary>The request is understood but the order's data does not allow it (422).</summary>
    Unprocessable,
    /// <summary>The order's state forbids it now (409).</summary>
    Conflict,
}

/// <summary>
/// The one typed error of the order rules. The API turns it into a problem answer; the order is unchanged.
/// </summary>
public sealed class OrderRuleViolation(ViolationKind kind, string message) : Exception(message)
{
    public ViolationKind Kind { get; } = kind;

    /// <summary>For <see cref="ViolationKind.IllegalTransition"/>: where this caller may move the order now.</summary>
    public IReadOnlyList<OrderStatus> AllowedStatuses { get; init; } = [];

    /// <summary>
    /// Property name → messages, for <see cref="ViolationKind.MissingInput"/> and
    /// <see cref="ViolationKind.Unprocessable"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
