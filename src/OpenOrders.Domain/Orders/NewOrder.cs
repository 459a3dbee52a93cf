using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// What an order is created from: what the account sends, with the id and the course's provider the API
/// resolved. <see cref="Order.Create"/> turns it into an order waiting for validation; nothing outside the
/// domain sets an order's fields one by one.
/// </summary>
public sealed record NewOrder
{
    public required Guid Id { get; init; }
    public required Guid AccountId { get; init; }
    public required Guid ProductId { get; init; }
    public Guid? ProviderId { get; init; }
    public required OrderType OrderType { get; init; }
    public string? Name { get; init; }
    public Customer Customer { get; init; } = new();
    public string? FirstChoiceStartMomentId { get; init; }
    public string? SecondChoiceStartMomentId { get; init; }
    public string? ExternalId { get; init; }
    public string? ExternalEmployeeCode { get; init; }
    public string? StudentExternalCompany { get; init; }
    public string? PurchaseOrderReference { get; init; }
    public string? CostCentre { get; init; }
    public string? PrincipalId { get; init; }
    public string? PromotionalCode { get; init; }
    public string? TeamLeaderName { get; init; }
    public string? TeamLeaderEmailAddress { get; init; }
    public string? TeamLeaderPhoneNumber { get; init; }
    public string? TeamLeaderCostCentre { get; init; }
    public string? TeamLeaderDepartment { get; init; }
    public string? TeamLeaderPersonnelNumber { get; init; }
}
