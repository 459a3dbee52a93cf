using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>Everything the slow validation looks at besides the order, loaded by the caller.</summary>
public sealed record ValidationContext(
    Account? Account,
    Product? Product,
    Provider? Provider,
    /// <summary>The account's assortments that hold the product.</summary>
    IReadOnlyList<Assortment> Assortments,
    PromotionalCode? PromotionalCode,
    DateTimeOffset Now);
