namespace OpenOrders.Domain.Catalog;

/// <summary>A code an account may put on an order for a discount on every line.</summary>
public sealed class PromotionalCode
{
    public required string Code { get; set; }
    public decimal DiscountPercentage { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset DateCreated { get; set; }
}
