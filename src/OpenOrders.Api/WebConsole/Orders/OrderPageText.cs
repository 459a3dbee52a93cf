using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>What a person calls each move of the table, by where it leads (the key of its text).</summary>
public static class OrderPageText
{
    public static string ActionOf(OrderStatus to) => to switch
    {
        OrderStatus.AcceptedProvider => "Accept",
        OrderStatus.PendingProvider => "Approve",
        OrderStatus.RejectedAccount or OrderStatus.RejectedProvider => "Reject",
        OrderStatus.CancelledAccount => "Cancel the order",
        OrderStatus.CancelledAdmin => "Cancel as the marketplace",
        OrderStatus.CancelledWithCosts => "Cancel with costs",
        OrderStatus.Invoiced => "Invoice now",
        OrderStatus.Paid => "Register the payment",
        OrderStatus.PendingCredited => "Request a credit",
        OrderStatus.Credited => "Credit",
        _ => "Move on",
    };

    /// <summary>
    /// Moves that cannot be undone ask for a second step: those to a status no move leads out of (derived from the
    /// table, as <see cref="OrderStatusMachine.Final"/> is), and those that give the order an invoice number.
    /// </summary>
    public static bool NeedsConfirmation(StatusTransitionRule move) =>
        OrderStatusMachine.Final.Contains(move.To) || move.Requires == TransitionRequirement.InvoiceNumber;

    /// <summary>Moves that end the order without it being invoiced get the warning colour.</summary>
    public static bool IsEnding(OrderStatus to) => OrderStatusMachine.EndsUninvoiced.Contains(to);
}
