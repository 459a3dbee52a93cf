using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>The whole status machine: the picture, and the same rules as a table for those who cannot see it.</summary>
public sealed class StatusFlowModel : ConsolePage
{
    public sealed record Move(OrderStatus From, OrderStatus To, IReadOnlyList<Role> Roles,
        TransitionRequirement Requires);

    /// <summary>One row per (from, to), as the picture draws one arrow per pair.</summary>
    public IReadOnlyList<Move> Moves { get; } = [.. OrderStatusMachine.Rules.GroupBy(r => (r.From, r.To))
        .Select(g => new Move(g.Key.From, g.Key.To, [.. g.Select(r => r.Role)], g.First().Requires))
        .OrderBy(m => m.From)];

    /// <summary>The key of what a move needs; its {0} is <see cref="CancellationDeadline.DaysBeforeStart"/>.</summary>
    public static string NeedsText(TransitionRequirement requirement) => requirement switch
    {
        TransitionRequirement.CancellationReason => "a reason",
        TransitionRequirement.AdminCancellationReason => "a reason (marketplace)",
        TransitionRequirement.InvoiceOnBehalfOf => "a legal company on every order line",
        TransitionRequirement.CancellationDeadline => "at least {0} days before the start",
        TransitionRequirement.InvoiceNumber => "the next invoice number (the service gives it)",
        _ => "—",
    };

    public void OnGet()
    {
    }
}
