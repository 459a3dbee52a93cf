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

    /// <summary>
    /// Students hear from the marketplace about their orders; some employers tell their people themselves.
    /// </summary>
    public bool NotifyStudents { get; set; } = true;

    /// <summary>The language of mail to the account's students and team leaders (<c>nl</c> or <c>en</c>).</summary>
    public string Language { get; set; } = Notifications.MailLanguage.Dutch;
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateModified { get; set; }
}
