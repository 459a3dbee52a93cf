using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>One invoice item: one price component of the course, priced for this order.</summary>
public sealed class OrderLine
{
    public int SequenceNumber { get; set; }
    public CostType CostType { get; set; }
    public int Quantity { get; set; } = 1;
    public decimal SubtotalWithoutVat { get; set; }
    public string VatCountry { get; set; } = "NL";
    public decimal VatPercentage { get; set; }
    public decimal DiscountPercentage { get; set; }
    public decimal VatAmount { get; set; }
    public decimal DiscountAmount { get; set; }
    public decimal Total { get; set; }
    public InvoiceOnBehalfOf InvoiceOnBehalfOf { get; set; } = new();

    /// <summary>The provider must say, per line, which legal company the invoice is issued on behalf of.</summary>
    public bool HasInvoiceOnBehalfOf =>
        !string.IsNullOrWhiteSpace(InvoiceOnBehalfOf.Name) && !string.IsNullOrWhiteSpace(InvoiceOnBehalfOf.VatNumber);
}

public sealed class InvoiceOnBehalfOf
{
    public Guid? Id { get; set; }
    public Guid? MerchantId { get; set; }
    public string? Name { get; set; }
    public string? VatNumber { get; set; }
}

/// <summary>A fee on one order line: the marketplace's fee to the provider, or to the account.</summary>
public sealed class OrderLineFee
{
    public int SequenceNumber { get; set; }
    public decimal FeeAmount { get; set; }
    public decimal FeePercentage { get; set; }
    public OrderFeeStatus FeeStatus { get; set; } = OrderFeeStatus.Pending;
    public CostType CostType { get; set; }
}

/// <summary>One failed check of the slow validation.</summary>
public sealed class ValidationError
{
    public required string Code { get; set; }
    public required string Property { get; set; }
    public required string Message { get; set; }
}
