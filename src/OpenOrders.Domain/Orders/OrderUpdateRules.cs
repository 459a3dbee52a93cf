using static OpenOrders.Domain.Orders.OrderStatus;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// Which properties each role may set in each status (spec §7), as one table. Admins may set any property
/// named here that needs no new validation in any updatable status, and the rest where some role may set it.
/// </summary>
public static class OrderUpdateRules
{
    public static readonly IReadOnlySet<OrderStatus> Updatable = new HashSet<OrderStatus>
    {
        PendingAccount, PendingProvider, AcceptedProvider, PendingInvoice, Invoiced, Paid, Invalid,
    };

    /// <summary>Where the provider (or the admin) names the legal company of each order line.</summary>
    public static readonly IReadOnlyList<OrderStatus> OrderLinesChangeable = [PendingProvider, AcceptedProvider];

    /// <summary>Who names the legal company of each order line: the provider, or the admin for it.</summary>
    public static readonly Role[] OrderLinesCompletedBy = [Role.Admin, Role.Provider];

    /// <summary>Whether this role may complete the order lines of an order in this status now.</summary>
    public static bool MayCompleteOrderLines(Role role, OrderStatus status) =>
        OrderLinesCompletedBy.Contains(role) && OrderLinesChangeable.Contains(status);

    public static readonly string[] References =
    [
        "externalId", "externalEmployeeCode", "studentExternalCompany", "purchaseOrderReference", "costCentre",
        "principalId", "teamLeaderName", "teamLeaderEmailAddress", "teamLeaderPhoneNumber", "teamLeaderCostCentre",
        "teamLeaderDepartment", "teamLeaderPersonnelNumber",
    ];

    public static readonly string[] ContactDetails =
    [
        "customer.email", "customer.phoneNumber", "customer.address.street", "customer.address.houseNumber",
        "customer.address.houseNumberAdditive", "customer.address.postalCode", "customer.address.city",
        "customer.address.countryCode",
    ];

    public static readonly string[] StartMomentChoices =
        ["customAttributes.firstChoiceStartMomentId", "customAttributes.secondChoiceStartMomentId"];

    /// <summary>Everything an account sends when it creates an order (except the account itself).</summary>
    public static readonly string[] CreationFields =
        [.. OrderProperties.All.Select(p => p.Name)
            .Where(n => n is not ("providerPurchaseOrderReference" or "acceptedStartMomentId"))];

    public static readonly IReadOnlyList<(OrderStatus Status, Role Role, string[] Properties)> Table =
    [
        (Invalid, Role.Account, CreationFields),
        (PendingAccount, Role.Account, [.. References, .. ContactDetails, .. StartMomentChoices]),
        (PendingProvider, Role.Account, [.. References, .. StartMomentChoices]),
        (PendingProvider, Role.Provider, ["acceptedStartMomentId", "providerPurchaseOrderReference"]),
        (AcceptedProvider, Role.Account, [.. References, .. StartMomentChoices]),
        (AcceptedProvider, Role.Provider, ["acceptedStartMomentId", "providerPurchaseOrderReference"]),
        (PendingInvoice, Role.Account, ["purchaseOrderReference", "costCentre"]),
        (PendingInvoice, Role.Provider, ["providerPurchaseOrderReference"]),
        (Invoiced, Role.Account, ["purchaseOrderReference", "costCentre"]),
        (Invoiced, Role.Provider, ["providerPurchaseOrderReference"]),
        (Paid, Role.Account, ["purchaseOrderReference", "costCentre"]),
        (Paid, Role.Provider, ["providerPurchaseOrderReference"]),
    ];

    private static readonly string[] WithoutValidation =
    [
        .. Table.Where(r => r.Status != Invalid).SelectMany(r => r.Properties)
            .Where(p => p != "acceptedStartMomentId" && !StartMomentChoices.Contains(p)).Distinct(),
    ];

    /// <summary>What this role may set on an order in this status; nothing when the status is not updatable.</summary>
    public static IReadOnlySet<string> Settable(OrderStatus status, Role role)
    {
        if (!Updatable.Contains(status)) return new HashSet<string>();
        // An admin may set what any role may set in this status, and anything that needs no new validation
        // (references, contact details, the provider's reference) in any updatable status.
        if (role == Role.Admin)
            return new HashSet<string>(
                Table.Where(r => r.Status == status).SelectMany(r => r.Properties).Concat(WithoutValidation),
                StringComparer.Ordinal);
        return new HashSet<string>(Table.Where(r => r.Status == status && r.Role == role).SelectMany(r => r.Properties),
            StringComparer.Ordinal);
    }
}
