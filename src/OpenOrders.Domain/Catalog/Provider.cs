namespace OpenOrders.Domain.Catalog;

/// <summary>A training institute: owns courses and accepts or rejects the orders for them.</summary>
public sealed class Provider
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public bool CalculateProviderFee { get; set; }
    public decimal ProviderFeePercentage { get; set; }

    /// <summary>Exempt from VAT for professional courses (in the Netherlands: registered with CRKBO).</summary>
    public bool IsVatExempt { get; set; }

    /// <summary>The language of mail about the provider's orders to people without a console sign-in.</summary>
    public string Language { get; set; } = Notifications.MailLanguage.Dutch;

    /// <summary>The companies an invoice may be issued on behalf of.</summary>
    public List<LegalCompany> LegalCompanies { get; set; } = [];
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateModified { get; set; }
}

public sealed class LegalCompany
{
    public Guid Id { get; set; }
    public Guid MerchantId { get; set; }
    public required string Name { get; set; }
    public required string VatNumber { get; set; }
}
