namespace OpenOrders.Domain.Orders;

/// <summary>The 17 statuses, spelled exactly as the API spells them.</summary>
public enum OrderStatus
{
    PendingValidation,
    Invalid,
    PendingAccount,
    RejectedAccount,
    PendingProvider,
    RejectedProvider,
    AcceptedProvider,
    CancelledAccount,
    CancelledAdmin,
    PendingInvoice,
    Invoiced,
    Paid,
    PendingCredited,
    Credited,
    NotInvoiced,
    CancelledWithCosts,
    InvoicedByThirdParty,
}
