using static OpenOrders.Domain.Orders.OrderStatus;

namespace OpenOrders.Domain.Orders;

/// <summary>What a move needs besides the right role and status.</summary>
public enum TransitionRequirement
{
    None,
    CancellationReason,
    AdminCancellationReason,
    /// <summary>Every order line names the company the invoice is issued on behalf of.</summary>
    InvoiceOnBehalfOf,
    /// <summary>Before <see cref="Orders.CancellationDeadline"/> (no limit for self-planned courses).</summary>
    CancellationDeadline,
    /// <summary>The invoice number the order is invoiced with; the service takes the next one for the move.</summary>
    InvoiceNumber,
}

/// <summary>An account may cancel an order up to this many days before its start; after that, only the marketplace.</summary>
public static class CancellationDeadline
{
    public const int DaysBeforeStart = 14;

    /// <summary>The last moment an account may cancel an order that starts at <paramref name="start"/>.</summary>
    public static DateTimeOffset Before(DateTimeOffset start) => start.AddDays(-DaysBeforeStart);
}

public sealed record StatusTransitionRule(OrderStatus From, OrderStatus To, Role Role,
    TransitionRequirement Requires = TransitionRequirement.None);

/// <summary>
/// The status machine as data: every allowed (from, to, role) and what it requires. <see cref="Order.MoveTo"/>
/// consults it for every change of status; the API's 409 answers, the docs and the tests are derived from it.
/// </summary>
public static class OrderStatusMachine
{

    /// <summary>The admin may cancel in any open status before invoicing.</summary>
    private static readonly OrderStatus[] AdminCancellable =
        [PendingValidation, Invalid, PendingAccount, PendingProvider, AcceptedProvider, PendingInvoice];

    public static readonly IReadOnlyList<StatusTransitionRule> Rules =
    [
        new(PendingValidation, Invalid, Role.System),
        new(PendingValidation, PendingAccount, Role.System),
        new(PendingValidation, PendingProvider, Role.System),
        // A re-validation returns the order to the status it had before (see Order.CompleteValidation).
        new(PendingValidation, AcceptedProvider, Role.System),
        new(Invalid, PendingValidation, Role.System),
        new(PendingAccount, PendingValidation, Role.System),
        new(PendingProvider, PendingValidation, Role.System),
        new(AcceptedProvider, PendingValidation, Role.System),

        new(PendingAccount, PendingProvider, Role.Account),
        new(PendingAccount, RejectedAccount, Role.Account, TransitionRequirement.CancellationReason),
        new(PendingProvider, AcceptedProvider, Role.Provider, TransitionRequirement.InvoiceOnBehalfOf),
        new(PendingProvider, RejectedProvider, Role.Provider, TransitionRequirement.CancellationReason),
        new(AcceptedProvider, PendingProvider, Role.System),
        new(PendingProvider, CancelledAccount, Role.Account, TransitionRequirement.CancellationDeadline),
        new(AcceptedProvider, CancelledAccount, Role.Account, TransitionRequirement.CancellationDeadline),
        .. AdminCancellable.Select(from => new StatusTransitionRule(from, CancelledAdmin, Role.Admin,
            TransitionRequirement.AdminCancellationReason)),
        new(AcceptedProvider, CancelledWithCosts, Role.Admin),
        new(PendingInvoice, CancelledWithCosts, Role.Admin),

        new(AcceptedProvider, PendingInvoice, Role.System),
        new(AcceptedProvider, NotInvoiced, Role.System),
        new(AcceptedProvider, InvoicedByThirdParty, Role.System),
        new(PendingInvoice, Invoiced, Role.System, TransitionRequirement.InvoiceNumber),
        new(PendingInvoice, Invoiced, Role.Admin, TransitionRequirement.InvoiceNumber),
        new(Invoiced, Paid, Role.Admin),
        new(Invoiced, PendingCredited, Role.Admin),
        new(Paid, PendingCredited, Role.Admin),
        new(PendingCredited, Credited, Role.System),
        new(PendingCredited, Credited, Role.Admin),
    ];

    /// <summary>The statuses no move leads out of: derived from the rules, never listed by hand.</summary>
    public static readonly IReadOnlySet<OrderStatus> Final =
        Enum.GetValues<OrderStatus>().Where(s => Rules.All(r => r.From != s)).ToHashSet();

    /// <summary>
    /// The final statuses an invoiced order cannot reach: the order ends without being invoiced (rejected, cancelled,
    /// or invoiced elsewhere). Derived from the rules.
    /// </summary>
    public static readonly IReadOnlySet<OrderStatus> EndsUninvoiced =
        Final.Except(Reachable(Invoiced)).ToHashSet();

    private static HashSet<OrderStatus> Reachable(OrderStatus from)
    {
        var seen = new HashSet<OrderStatus> { from };
        for (var next = new Queue<OrderStatus>([from]); next.TryDequeue(out var status);)
            foreach (var rule in Rules.Where(r => r.From == status && seen.Add(r.To))) next.Enqueue(rule.To);
        return seen;
    }

    public static StatusTransitionRule? Find(OrderStatus from, OrderStatus to, Role role) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Role == role);

    /// <summary>The rules this role may use on an order in <paramref name="from"/>, in table order.</summary>
    public static IEnumerable<StatusTransitionRule> MovesFrom(OrderStatus from, Role role) =>
        Rules.Where(r => r.From == from && r.Role == role);

    /// <summary>The statuses this role may move an order in <paramref name="from"/> to, in table order.</summary>
    public static IReadOnlyList<OrderStatus> AllowedTargets(OrderStatus from, Role role) =>
        [.. MovesFrom(from, role).Select(r => r.To).Distinct()];

    /// <summary>The guide also writes these; requests accept them, responses use the canonical names.</summary>
    public static readonly IReadOnlyDictionary<string, OrderStatus> Aliases =
        new Dictionary<string, OrderStatus>(StringComparer.OrdinalIgnoreCase)
        {
            ["AcceptedByProvider"] = AcceptedProvider,
            ["ApprovedProvider"] = AcceptedProvider,
            ["CancelledByAdmin"] = CancelledAdmin,
        };

    public static bool TryParse(string? name, out OrderStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(name) || name.Any(char.IsDigit)) return false;
        return Aliases.TryGetValue(name, out status) || Enum.TryParse(name, ignoreCase: true, out status);
    }
}
