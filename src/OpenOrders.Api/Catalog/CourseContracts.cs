using System.ComponentModel.DataAnnotations;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Enumerations;

namespace OpenOrders.Api.Catalog;

public sealed record CourseRequest(
    Guid? Id,
    Guid? ProviderId,
    [Required] string? Name,
    [Required] OrderType? OrderType,
    string? ProductType,
    string? ProductTypeDisplayValue,
    [Required] LearningMethodRequest? LearningMethod,
    [Required] IReadOnlyList<PriceComponentRequest>? PriceComponents,
    bool? IsProfessionalCourse,
    Subsidy? Subsidy,
    bool? IsActive)
{
    public void Validate(RequestErrors errors)
    {
        errors.Required(Name, "name", 300);
        errors.Required(OrderType, "orderType");
        errors.MaxLength(ProductType, "productType", 100);
        errors.MaxLength(ProductTypeDisplayValue, "productTypeDisplayValue", 200);
        if (errors.Required(LearningMethod, "learningMethod"))
        {
            errors.Required(LearningMethod.Name, "learningMethod.name");
            errors.Required(LearningMethod.Format, "learningMethod.format");
            if (errors.Required(LearningMethod.Planning, "learningMethod.planning"))
                ValidatePlanning(LearningMethod.Planning, errors);
        }
        if (errors.Required(PriceComponents, "priceComponents") && PriceComponents.Count == 0)
            errors.Add("priceComponents", "At least one price component is needed.");
        for (var i = 0; i < (PriceComponents?.Count ?? 0); i++)
        {
            var price = PriceComponents![i];
            var at = $"priceComponents[{i}]";
            if (!errors.Required(price, at)) continue;
            errors.Required(price.CostType, $"{at}.costType");
            if (errors.Required(price.AmountWithoutVat, $"{at}.amountWithoutVat"))
                errors.Amount(price.AmountWithoutVat, $"{at}.amountWithoutVat");
            if (errors.Required(price.VatPercentage, $"{at}.vatPercentage"))
                errors.Percentage(price.VatPercentage, $"{at}.vatPercentage");
        }
    }

    private static void ValidatePlanning(PlanningRequest planning, RequestErrors errors)
    {
        if (!errors.Required(planning.Type, "learningMethod.planning.type")) return;
        var moments = planning.StartMoments ?? [];
        if (planning.Type == Planning.SelfPlanned && moments.Count > 0)
            errors.Add("learningMethod.planning.startMoments", "A self-planned course has no start moments.");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < moments.Count; i++)
        {
            var at = $"learningMethod.planning.startMoments[{i}]";
            var moment = moments[i];
            if (!errors.Required(moment, at)) continue;
            if (errors.Required(moment.ExternalId, $"{at}.externalId", 100) && !seen.Add(moment.ExternalId))
                errors.Add($"{at}.externalId", "Used by another start moment of this course.");
            errors.Required(moment.Date, $"{at}.date");
            errors.MaxLength(moment.Location, $"{at}.location", 300);
        }
    }

    /// <summary>
    /// Copies the (validated) request onto the course. Start moments keep their id when id or externalId matches.
    /// </summary>
    public void ApplyTo(Product course, DateTimeOffset now)
    {
        course.Name = Name!.Trim();
        course.OrderType = OrderType!.Value;
        course.ProductType = ProductType;
        course.ProductTypeDisplayValue = ProductTypeDisplayValue;
        course.LearningMethod.Name = LearningMethod!.Name!;
        course.LearningMethod.Format = LearningMethod.Format!.Value;
        course.LearningMethod.Planning = LearningMethod.Planning!.Type!.Value;
        course.IsProfessionalCourse = IsProfessionalCourse ?? false;
        course.Subsidy = Subsidy ?? Domain.Catalog.Subsidy.None;
        course.IsActive = IsActive ?? true;

        var existing = course.StartMoments.ToList();
        course.StartMoments.Clear();
        foreach (var m in LearningMethod.Planning.StartMoments ?? [])
        {
            var moment = existing.FirstOrDefault(e => m.Id is { } id ? e.Id == id : e.ExternalId == m.ExternalId)
                ?? new StartMoment { Id = m.Id ?? Guid.CreateVersion7(), ExternalId = m.ExternalId! };
            moment.ExternalId = m.ExternalId!;
            moment.Date = m.Date!.Value.ToUniversalTime();
            moment.Location = m.Location;
            moment.StartGuaranteed = m.StartGuaranteed ?? false;
            course.StartMoments.Add(moment);
        }
        course.PriceComponents.Clear();
        foreach (var p in PriceComponents!)
            course.PriceComponents.Add(new PriceComponent { CostType = p.CostType!.Value,
                AmountWithoutVat = p.AmountWithoutVat!.Value, VatPercentage = p.VatPercentage!.Value });
        course.DateModified = now;
    }
}

public sealed record LearningMethodRequest(
    [Required] string? Name, [Required] LearningMethodFormat? Format, [Required] PlanningRequest? Planning);

public sealed record PlanningRequest([Required] Planning? Type, IReadOnlyList<StartMomentRequest>? StartMoments);

public sealed record StartMomentRequest(
    Guid? Id, [Required] string? ExternalId, [Required] DateTimeOffset? Date, string? Location,
    bool? StartGuaranteed);

public sealed record PriceComponentRequest(
    [Required] CostType? CostType, [Required] decimal? AmountWithoutVat, [Required] decimal? VatPercentage);

public sealed record CourseResponse(
    Guid Id, string Url, Guid ProviderId, string ProviderUrl, string Name, OrderType OrderType,
    string OrderTypeDisplayValue, string? ProductType, string? ProductTypeDisplayValue,
    LearningMethodResponse LearningMethod, IReadOnlyList<PriceComponentResponse> PriceComponents,
    bool IsProfessionalCourse, Subsidy Subsidy, string SubsidyDisplayValue,
    bool IsActive, DateTimeOffset DateCreated, DateTimeOffset DateModified)
{
    public static CourseResponse From(Product c, string baseUrl) => new(
        c.Id, Links.Course(baseUrl, c.Id), c.ProviderId, Links.Provider(baseUrl, c.ProviderId), c.Name, c.OrderType,
        DisplayValues.Of(c.OrderType), c.ProductType, c.ProductTypeDisplayValue,
        new LearningMethodResponse(c.LearningMethod.Name, c.LearningMethod.Format,
            DisplayValues.Of(c.LearningMethod.Format),
            new PlanningResponse(c.LearningMethod.Planning, [.. c.StartMoments.OrderBy(m => m.Date)
                .Select(m => new StartMomentResponse(m.Id, m.ExternalId, m.Date, m.Location, m.StartGuaranteed))])),
        [.. c.PriceComponents.Select(p => new PriceComponentResponse(p.CostType, DisplayValues.Of(p.CostType),
            p.AmountWithoutVat, p.VatPercentage))],
        c.IsProfessionalCourse, c.Subsidy, DisplayValues.Of(c.Subsidy), c.IsActive, c.DateCreated, c.DateModified);
}

public sealed record LearningMethodResponse(string Name, LearningMethodFormat Format, string FormatDisplayValue,
    PlanningResponse Planning);

public sealed record PlanningResponse(Planning Type, IReadOnlyList<StartMomentResponse> StartMoments);

public sealed record StartMomentResponse(Guid Id, string ExternalId, DateTimeOffset Date, string? Location,
    bool StartGuaranteed);

public sealed record PriceComponentResponse(CostType CostType, string CostTypeDisplayValue, decimal AmountWithoutVat,
    decimal VatPercentage);
