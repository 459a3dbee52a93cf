using OpenOrders.Domain.Orders;
using Needs = OpenOrders.Domain.Orders.TransitionRequirement;
using static OpenOrders.Domain.Orders.OrderStatus;
using static OpenOrders.Domain.Role;

namespace OpenOrders.Domain.Tests.Orders;

/// <summary>
/// The status flow and the update rules as the guide and the specification (§6, §7) state them, written out by hand
/// as literal data. Nothing here is read from <see cref="OrderStatusMachine"/> or <see cref="OrderUpdateRules"/>:
/// a wrong row there has to disagree with a row here. Change this file only when the specification changes.
/// The API tests compile this same file, so the HTTP checks compare with it too.
/// </summary>
public static class GuideTables
{
    /// <summary>The guide: orders in these statuses can be updated.</summary>
    public static readonly OrderStatus[] Updatable =
        [PendingAccount, PendingProvider, AcceptedProvider, PendingInvoice, Invoiced, Paid, Invalid];

    /// <summary>The guide's list of statuses that cannot be updated, and the spec's other final statuses.</summary>
    public static readonly OrderStatus[] NotUpdatable =
    [
        PendingValidation, RejectedAccount, RejectedProvider, CancelledAccount, PendingCredited, Credited,
        CancelledAdmin, NotInvoiced, CancelledWithCosts, InvoicedByThirdParty,
    ];

    /// <summary>The guide's happy flow, move by move, with who makes each move (§6).</summary>
    public static readonly (OrderStatus From, OrderStatus To, Role Who)[] HappyFlow =
    [
        (PendingValidation, PendingAccount, Role.System),
        (PendingAccount, PendingProvider, Account),
        (PendingProvider, AcceptedProvider, Provider),
        (AcceptedProvider, PendingInvoice, Role.System),
        (PendingInvoice, Invoiced, Admin),
    ];

    /// <summary>Every move of §6: from, to, who may make it, and what it needs besides.</summary>
    public static readonly (OrderStatus From, OrderStatus To, Role Who, Needs Needs)[] Moves =
    [
        // Validation decides (§5); it also ends the re-validations of §7, which return to the status before.
        (PendingValidation, Invalid, Role.System, Needs.None),
        (PendingValidation, PendingAccount, Role.System, Needs.None),
        (PendingValidation, PendingProvider, Role.System, Needs.None),
        (PendingValidation, AcceptedProvider, Role.System, Needs.None),
        // Validated again (§7): a fixed invalid order, a changed choice, another accepted start moment.
        (Invalid, PendingValidation, Role.System, Needs.None),
        (PendingAccount, PendingValidation, Role.System, Needs.None),
        (PendingProvider, PendingValidation, Role.System, Needs.None),
        (AcceptedProvider, PendingValidation, Role.System, Needs.None),
        // Approving and accepting; the account's new choice sends an accepted order back to the provider.
        (PendingAccount, PendingProvider, Account, Needs.None),
        (PendingProvider, AcceptedProvider, Provider, Needs.InvoiceOnBehalfOf),
        (AcceptedProvider, PendingProvider, Role.System, Needs.None),
        // Rejecting: the account while it approves, the provider while it decides; both give a reason.
        (PendingAccount, RejectedAccount, Account, Needs.CancellationReason),
        (PendingProvider, RejectedProvider, Provider, Needs.CancellationReason),
        // Cancelling: the account up to 14 days before the start, once the provider has the order.
        (PendingProvider, CancelledAccount, Account, Needs.CancellationDeadline),
        (AcceptedProvider, CancelledAccount, Account, Needs.CancellationDeadline),
        // The admin cancels in every status before Invoiced that is not final, with the admin's reason.
        (PendingValidation, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        (Invalid, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        (PendingAccount, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        (PendingProvider, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        (AcceptedProvider, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        (PendingInvoice, CancelledAdmin, Admin, Needs.AdminCancellationReason),
        // A late cancellation that is still charged.
        (AcceptedProvider, CancelledWithCosts, Admin, Needs.None),
        (PendingInvoice, CancelledWithCosts, Admin, Needs.None),
        // Invoicing: due by the account's invoicedBy; an invoice run (or the admin) gives the number.
        (AcceptedProvider, PendingInvoice, Role.System, Needs.None),
        (AcceptedProvider, NotInvoiced, Role.System, Needs.None),
        (AcceptedProvider, InvoicedByThirdParty, Role.System, Needs.None),
        (PendingInvoice, Invoiced, Role.System, Needs.InvoiceNumber),
        (PendingInvoice, Invoiced, Admin, Needs.InvoiceNumber),
        (Invoiced, Paid, Admin, Needs.None),
        // Crediting: the admin asks for it; a credit note (the service, or the admin) ends it.
        (Invoiced, PendingCredited, Admin, Needs.None),
        (Paid, PendingCredited, Admin, Needs.None),
        (PendingCredited, Credited, Role.System, Needs.None),
        (PendingCredited, Credited, Admin, Needs.None),
    ];

    /// <summary>Whether §6 lets this role move an order from one status to the other.</summary>
    public static bool Allows(OrderStatus from, OrderStatus to, Role who) =>
        Moves.Any(m => m.From == from && m.To == to && m.Who == who);

    /// <summary>The statuses §6 lets this role move an order in <paramref name="from"/> to.</summary>
    public static IReadOnlySet<OrderStatus> Targets(OrderStatus from, Role who) =>
        Moves.Where(m => m.From == from && m.Who == who).Select(m => m.To).ToHashSet();

    // §7's footnote 1: the account's own references.
    private static readonly string[] References =
    [
        "externalId", "externalEmployeeCode", "studentExternalCompany", "purchaseOrderReference", "costCentre",
        "principalId", "teamLeaderName", "teamLeaderEmailAddress", "teamLeaderPhoneNumber", "teamLeaderCostCentre",
        "teamLeaderDepartment", "teamLeaderPersonnelNumber",
    ];

    // §7 [decided]: how to reach the student.
    private static readonly string[] ContactDetails =
    [
        "customer.email", "customer.phoneNumber", "customer.address.street", "customer.address.houseNumber",
        "customer.address.houseNumberAdditive", "customer.address.postalCode", "customer.address.city",
        "customer.address.countryCode",
    ];

    private static readonly string[] Choices =
        ["customAttributes.firstChoiceStartMomentId", "customAttributes.secondChoiceStartMomentId"];

    // §4: everything an account sends when it creates an order.
    private static readonly string[] Creation =
    [
        "name", "promotionalCode", "productReference", "orderType", "customer.firstName", "customer.middleName",
        "customer.surname", "customer.birthDate", "customer.birthCity", "customer.birthCountryCode",
        "customer.company", "customer.department", .. ContactDetails, .. References, .. Choices,
    ];

    private static readonly string[] AfterInvoicing = ["purchaseOrderReference", "costCentre"];
    // §7: the provider chooses the start moment it accepts and keeps its own reference.
    private static readonly string[] ProviderChoices = ["acceptedStartMomentId", "providerPurchaseOrderReference"];

    // [decided] (OrderUpdateRules): besides what any role may set in a status, an admin may set in every updatable
    // status whatever needs no new validation.
    private static readonly string[] AdminAnywhere =
        [.. References, .. ContactDetails, "providerPurchaseOrderReference"];

    /// <summary>§7's table: what each role may set in each status; a pair not named here may set nothing.</summary>
    public static readonly Dictionary<(OrderStatus, Role), string[]> MaySet = new()
    {
        [(Invalid, Account)] = Creation,
        [(Invalid, Admin)] = [.. Creation, .. AdminAnywhere],
        [(PendingAccount, Account)] = [.. References, .. ContactDetails, .. Choices],
        [(PendingAccount, Admin)] = [.. References, .. ContactDetails, .. Choices, .. AdminAnywhere],
        [(PendingProvider, Account)] = [.. References, .. Choices],
        [(PendingProvider, Provider)] = ProviderChoices,
        [(PendingProvider, Admin)] = [.. References, .. Choices, .. ProviderChoices, .. AdminAnywhere],
        [(AcceptedProvider, Account)] = [.. References, .. Choices],
        [(AcceptedProvider, Provider)] = ProviderChoices,
        [(AcceptedProvider, Admin)] = [.. References, .. Choices, .. ProviderChoices, .. AdminAnywhere],
        [(PendingInvoice, Account)] = AfterInvoicing,
        [(PendingInvoice, Provider)] = ["providerPurchaseOrderReference"],
        [(PendingInvoice, Admin)] = AdminAnywhere,
        [(Invoiced, Account)] = AfterInvoicing,
        [(Invoiced, Provider)] = ["providerPurchaseOrderReference"],
        [(Invoiced, Admin)] = AdminAnywhere,
        [(Paid, Account)] = AfterInvoicing,
        [(Paid, Provider)] = ["providerPurchaseOrderReference"],
        [(Paid, Admin)] = AdminAnywhere,
    };

    /// <summary>What §7 lets this role set on an order in this status.</summary>
    public static IReadOnlySet<string> Settable(OrderStatus status, Role who) =>
        MaySet.TryGetValue((status, who), out var names) ? names.ToHashSet() : [];
}
