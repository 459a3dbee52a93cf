using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

public sealed record Reference(Guid Id, string Url);

/// <summary>
/// The whole Order object model under its exact property names (the seed's <c>startMomenthDay</c> spelled
/// <c>startMomentDay</c>), plus customer, errors, dates and version.
/// </summary>
public sealed record OrderResponse
{
    // Every property is required: the answer always carries each one, null where it has no value.
    public required Guid Id { get; init; }
    public required int OrderNumber { get; init; }
    public required string? ExternalId { get; init; }
    public required string? ExternalEmployeeCode { get; init; }
    public required string? StudentExternalCompany { get; init; }
    public required string? Name { get; init; }
    public required OrderStatus Status { get; init; }
    public required string StatusDisplayValue { get; init; }
    public required string? PurchaseOrderReference { get; init; }
    public required string? ProviderPurchaseOrderReference { get; init; }
    public required int? InvoiceNumber { get; init; }
    public required string? CostCentre { get; init; }
    public required OrderType OrderType { get; init; }
    public required string? ProductTypeDisplayValue { get; init; }
    public required string? PrincipalId { get; init; }
    public required Reference AccountReference { get; init; }
    public required string? AccountName { get; init; }
    public required Reference? AssortmentReference { get; init; }
    public required string? AssortmentName { get; init; }
    public required Reference? ProviderReference { get; init; }
    public required string? ProviderName { get; init; }
    public required Reference ProductReference { get; init; }
    public required Reference? EducationalCareerReference { get; init; }
    public required Reference? EducationalFulfillmentReference { get; init; }
    public required string? LearningMethodName { get; init; }
    public required string? LearningMethodFormatDisplayValue { get; init; }
    public required int? StartMomentYear { get; init; }
    public required int? StartMomentMonth { get; init; }
    public required int? StartMomentDay { get; init; }
    public required DateTimeOffset? StartMomentDate { get; init; }
    public required string? StartMomentLocation { get; init; }
    public required bool? StartMomentStartGuaranteed { get; init; }
    public required int? SecondStartMomentYear { get; init; }
    public required int? SecondStartMomentMonth { get; init; }
    public required int? SecondStartMomentDay { get; init; }
    public required DateTimeOffset? SecondStartMomentDate { get; init; }
    public required string? SecondStartMomentLocation { get; init; }
    public required Guid? AcceptedStartMomentId { get; init; }
    public required string? AcceptedStartMomentLocation { get; init; }
    public required DateTimeOffset? AcceptedStartMomentDate { get; init; }
    public required IReadOnlyList<OrderLineResponse> OrderLines { get; init; }
    public required decimal Total { get; init; }
    public required InvoicedBy? InvoicedBy { get; init; }
    public required string? InvoicedByDisplayValue { get; init; }
    public required IReadOnlyList<OrderStatusTransitionResponse> OrderStatusTransitions { get; init; }
    public required IReadOnlyList<OrderLineFeeResponse> OrderLineFees { get; init; }
    public required IReadOnlyList<OrderLineFeeResponse> OrderLineAccountFees { get; init; }
    public required string? TeamLeaderName { get; init; }
    public required string? TeamLeaderEmailAddress { get; init; }
    public required string? TeamLeaderPhoneNumber { get; init; }
    public required string? TeamLeaderCostCentre { get; init; }
    public required string? TeamLeaderDepartment { get; init; }
    public required string? TeamLeaderPersonnelNumber { get; init; }
    public required bool IsProfessionalCourse { get; init; }
    public required bool IsConsumer { get; init; }
    public required bool RequireAccountApproval { get; init; }
    public required bool CalculateProviderFee { get; init; }
    public required bool HasSubsidy { get; init; }
    public required Subsidy Subsidy { get; init; }
    public required string SubsidyDisplayValue { get; init; }
    public required bool IsVatExempt { get; init; }
    public required string? PromotionalCode { get; init; }
    public required CustomAttributesResponse CustomAttributes { get; init; }
    public required CustomerResponse Customer { get; init; }
    public required IReadOnlyList<ValidationErrorResponse> Errors { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required DateTimeOffset DateModified { get; init; }
    public required int Version { get; init; }

    public static OrderResponse From(Order o, string baseUrl) => new()
    {
        Id = o.Id,
        OrderNumber = o.OrderNumber,
        ExternalId = o.ExternalId,
        ExternalEmployeeCode = o.ExternalEmployeeCode,
        StudentExternalCompany = o.StudentExternalCompany,
        Name = o.Name,
        Status = o.Status,
        StatusDisplayValue = DisplayValues.Of(o.Status),
        PurchaseOrderReference = o.PurchaseOrderReference,
        ProviderPurchaseOrderReference = o.ProviderPurchaseOrderReference,
        InvoiceNumber = o.InvoiceNumber,
        CostCentre = o.CostCentre,
        OrderType = o.OrderType,
        ProductTypeDisplayValue = o.ProductTypeDisplayValue,
        PrincipalId = o.PrincipalId,
        AccountReference = new Reference(o.AccountId, Links.Account(baseUrl, o.AccountId)),
        AccountName = o.AccountName,
        AssortmentReference = o.AssortmentId is { } a ? new Reference(a, Links.Assortment(baseUrl, a)) : null,
        AssortmentName = o.AssortmentName,
        ProviderReference = o.ProviderId is { } p ? new Reference(p, Links.Provider(baseUrl, p)) : null,
        ProviderName = o.ProviderName,
        ProductReference = new Reference(o.ProductId, Links.Course(baseUrl, o.ProductId)),
        EducationalCareerReference = null,
        EducationalFulfillmentReference = null,
        LearningMethodName = o.LearningMethodName,
        LearningMethodFormatDisplayValue = DisplayValues.OfOptional(o.LearningMethodFormat),
        StartMomentYear = o.StartMomentDate?.Year,
        StartMomentMonth = o.StartMomentDate?.Month,
        StartMomentDay = o.StartMomentDate?.Day,
        StartMomentDate = o.StartMomentDate,
        StartMomentLocation = o.StartMomentLocation,
        StartMomentStartGuaranteed = o.StartMomentStartGuaranteed,
        SecondStartMomentYear = o.SecondStartMomentDate?.Year,
        SecondStartMomentMonth = o.SecondStartMomentDate?.Month,
        SecondStartMomentDay = o.SecondStartMomentDate?.Day,
        SecondStartMomentDate = o.SecondStartMomentDate,
        SecondStartMomentLocation = o.SecondStartMomentLocation,
        AcceptedStartMomentId = o.AcceptedStartMomentId,
        AcceptedStartMomentLocation = o.AcceptedStartMomentLocation,
        AcceptedStartMomentDate = o.AcceptedStartMomentDate,
        OrderLines = [.. o.OrderLines.OrderBy(l => l.SequenceNumber).Select(OrderLineResponse.From)],
        Total = o.Total,
        InvoicedBy = o.InvoicedBy,
        InvoicedByDisplayValue = DisplayValues.OfOptional(o.InvoicedBy),
        OrderStatusTransitions = [.. o.StatusTransitions.OrderBy(t => t.Sequence)
            .Select(t => OrderStatusTransitionResponse.From(t, baseUrl))],
        OrderLineFees = [.. o.OrderLineFees.Select(f => OrderLineFeeResponse.From(f, o.OrderNumber))],
        OrderLineAccountFees = [.. o.OrderLineAccountFees.Select(f => OrderLineFeeResponse.From(f, o.OrderNumber))],
        TeamLeaderName = o.TeamLeaderName,
        TeamLeaderEmailAddress = o.TeamLeaderEmailAddress,
        TeamLeaderPhoneNumber = o.TeamLeaderPhoneNumber,
        TeamLeaderCostCentre = o.TeamLeaderCostCentre,
        TeamLeaderDepartment = o.TeamLeaderDepartment,
        TeamLeaderPersonnelNumber = o.TeamLeaderPersonnelNumber,
        IsProfessionalCourse = o.IsProfessionalCourse,
        IsConsumer = o.IsConsumer,
        RequireAccountApproval = o.RequireAccountApproval,
        CalculateProviderFee = o.CalculateProviderFee,
        HasSubsidy = o.HasSubsidy,
        Subsidy = o.Subsidy,
        SubsidyDisplayValue = DisplayValues.Of(o.Subsidy),
        IsVatExempt = o.IsVatExempt,
        PromotionalCode = o.PromotionalCode,
        CustomAttributes = new CustomAttributesResponse(o.FirstChoiceStartMomentId, o.SecondChoiceStartMomentId),
        Customer = CustomerResponse.From(o.Customer),
        Errors = [.. o.Errors.Select(e => new ValidationErrorResponse(e.Code, e.Property, e.Message))],
        DateCreated = o.DateCreated,
        DateModified = o.DateModified,
        Version = o.Version,
    };
}

public sealed record OrderLineResponse(
    int SequenceNumber, CostType CostType, string CostTypeDisplayValue, int Quantity, decimal SubtotalWithoutVAT,
    string VatCountry, decimal VatPercentage, decimal DiscountPercentage, decimal VatAmount, decimal DiscountAmount,
    decimal Total, InvoiceOnBehalfOfResponse InvoiceOnBehalfOf)
{
    public static OrderLineResponse From(OrderLine l) => new(
        l.SequenceNumber, l.CostType, DisplayValues.Of(l.CostType), l.Quantity, l.SubtotalWithoutVat, l.VatCountry,
        l.VatPercentage, l.DiscountPercentage, l.VatAmount, l.DiscountAmount, l.Total,
        new InvoiceOnBehalfOfResponse(l.InvoiceOnBehalfOf.Id, l.InvoiceOnBehalfOf.MerchantId, l.InvoiceOnBehalfOf.Name,
            l.InvoiceOnBehalfOf.VatNumber));
}

public sealed record InvoiceOnBehalfOfResponse(Guid? Id, Guid? MerchantId, string? Name, string? VatNumber);

public sealed record OrderLineFeeResponse(
    int SequenceNumber, int OrderNumber, decimal FeeAmount, decimal FeePercentage, OrderFeeStatus FeeStatus,
    string FeeStatusDisplayValue, CostType CostType, string CostTypeDisplayValue)
{
    public static OrderLineFeeResponse From(OrderLineFee f, int orderNumber) => new(
        f.SequenceNumber, orderNumber, f.FeeAmount, f.FeePercentage, f.FeeStatus, DisplayValues.Of(f.FeeStatus),
        f.CostType, DisplayValues.Of(f.CostType));
}

public sealed record OrderStatusTransitionResponse
{
    public required Guid Id { get; init; }
    public required string Url { get; init; }
    public required Guid OrderId { get; init; }
    public required DateTimeOffset DateCreated { get; init; }
    public required OrderStatus Status { get; init; }
    public required string StatusDisplayValue { get; init; }
    public required string? Message { get; init; }
    public required CancellationReason? CancellationReason { get; init; }
    public required string? CancellationReasonDisplayValue { get; init; }
    public required AdminCancellationReason? AdminCancellationReason { get; init; }
    public required string? AdminCancellationReasonDisplayValue { get; init; }
    public required Role ChangedBy { get; init; }
    public required ActorKind? ChangedByKind { get; init; }
    public required string? ChangedById { get; init; }

    public static OrderStatusTransitionResponse From(OrderStatusTransition t, string baseUrl) => new()
    {
        Id = t.Id,
        Url = Links.OrderStatusTransition(baseUrl, t.Id),
        OrderId = t.OrderId,
        DateCreated = t.DateCreated,
        Status = t.Status,
        StatusDisplayValue = DisplayValues.Of(t.Status),
        Message = t.Message,
        CancellationReason = t.CancellationReason,
        CancellationReasonDisplayValue = DisplayValues.OfOptional(t.CancellationReason),
        AdminCancellationReason = t.AdminCancellationReason,
        AdminCancellationReasonDisplayValue = DisplayValues.OfOptional(t.AdminCancellationReason),
        ChangedBy = t.ChangedBy,
        ChangedByKind = t.ChangedByKind,
        ChangedById = t.ChangedById,
    };
}

public sealed record CustomAttributesResponse(string? FirstChoiceStartMomentId, string? SecondChoiceStartMomentId);

public sealed record CustomerResponse(
    string? FirstName, string? MiddleName, string? Surname, DateOnly? BirthDate, string? BirthCity,
    string? BirthCountryCode, string? Email, string? PhoneNumber, string? Company, string? Department,
    AddressResponse Address)
{
    public static CustomerResponse From(Customer c) => new(
        c.FirstName, c.MiddleName, c.Surname, c.BirthDate, c.BirthCity, c.BirthCountryCode, c.Email, c.PhoneNumber,
        c.Company, c.Department,
        new AddressResponse(c.Address.Street, c.Address.HouseNumber, c.Address.HouseNumberAdditive,
            c.Address.PostalCode, c.Address.City, c.Address.CountryCode));
}

public sealed record AddressResponse(string? Street, int? HouseNumber, string? HouseNumberAdditive, string? PostalCode,
    string? City, string? CountryCode);

public sealed record ValidationErrorResponse(string Code, string Property, string Message);
