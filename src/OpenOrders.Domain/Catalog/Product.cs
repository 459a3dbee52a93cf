namespace OpenOrders.Domain.Catalog;

/// <summary>A course (or e-learning, exam, coaching) offered by one provider.</summary>
public sealed class Product
{
    public Guid Id { get; set; }
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public OrderType OrderType { get; set; }

    /// <summary>The provider's own classification, with the text shown to people.</summary>
    public string? ProductType { get; set; }
    public string? ProductTypeDisplayValue { get; set; }
    public required LearningMethod LearningMethod { get; set; }
    public List<StartMoment> StartMoments { get; set; } = [];
    public List<PriceComponent> PriceComponents { get; set; } = [];
    public bool IsProfessionalCourse { get; set; }
    public Subsidy Subsidy { get; set; } = Subsidy.None;
    public bool IsActive { get; set; } = true;
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateModified { get; set; }

    /// <summary>Finds a start moment by the provider's external id or by our GUID id.</summary>
    public StartMoment? FindStartMoment(string idOrExternalId) =>
        StartMoments.FirstOrDefault(s => s.ExternalId == idOrExternalId)
        ?? (Guid.TryParse(idOrExternalId, out var id) ? StartMoments.FirstOrDefault(s => s.Id == id) : null);
}

public sealed class LearningMethod
{
    public required string Name { get; set; }
    public LearningMethodFormat Format { get; set; }
    public Planning Planning { get; set; }
}

public sealed class StartMoment
{
    public Guid Id { get; set; }

    /// <summary>The provider's key for this start moment; orders refer to it by this.</summary>
    public required string ExternalId { get; set; }
    public DateTimeOffset Date { get; set; }
    public string? Location { get; set; }
    public bool StartGuaranteed { get; set; }
}

public sealed class PriceComponent
{
    public CostType CostType { get; set; }
    public decimal AmountWithoutVat { get; set; }
    public decimal VatPercentage { get; set; }
}
