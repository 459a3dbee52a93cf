namespace OpenOrders.Domain.Orders;

/// <summary>Why an account or a provider ended an order.</summary>
public enum CancellationReason
{
    NoAvailability,
    InsufficientParticipants,
    CourseCancelled,
    StartMomentUnavailable,
    StudentNotEligible,
    DuplicateOrder,
    Other,
}

/// <summary>Why the marketplace operator cancelled an order.</summary>
public enum AdminCancellationReason
{
    DuplicateOrder,
    RequestedByAccount,
    RequestedByProvider,
    Fraud,
    TechnicalIssue,
    Other,
}

public enum OrderFeeStatus
{
    Pending,
    Invoiced,
    Credited,
    Waived,
}
