namespace OpenOrders.Domain.Catalog;

/// <summary>An employer that orders training for its people.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Orders first wait in <c>PendingAccount</c> for an internal approval.</summary>
    public bool RequireAccountApproval { get; set; }
    public InvoicedBy InvoicedBy { get; set; } = InvoicedBy.Marketplace;
    public decimal AccountFeePercentage { get; set; }
    public bool IsConsumer { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateModified { get; set; }
}
