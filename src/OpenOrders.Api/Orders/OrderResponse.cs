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
public sealed record OrderResponse(
    Guid Id, int OrderNumber, string? ExternalId, string? ExternalEmployeeCode, string? StudentExternalCompany, string? Name,
    OrderStatus Status, string StatusDisplayValue, string? PurchaseOrderReference, string? ProviderPurchaseOrderReference, int? InvoiceNumber,
    string? CostCentre, OrderType OrderType, string? ProductTypeDisplayValue, string? PrincipalId,
    Reference AccountReference, string? AccountName, Reference? AssortmentReference, string? AssortmentName,
    Reference? ProviderReference, string? ProviderName, Reference ProductReference,
    Reference? EducationalCareerReference, Reference? EducationalFulfillmentReference,
    string? LearningMethodName, string? LearningMethodFormatDisplayValue,
    int? StartMomentYear, int? StartMomentMonth, int? StartMomentDay, DateTimeOffset? StartMomentDate, string? StartMomentLocation, bool? StartMomentStartGuaranteed,
    int? SecondStartMomentYear, int? SecondStartMomentMonth, int? SecondStartMomentDay, DateTimeOffset? SecondStartMomentDate, string? SecondStartMomentLocation,
    Guid? AcceptedStartMomentId, string? AcceptedStartMomentLocation, DateTimeOffset? AcceptedStartMomentDate,
    IReadOnlyList<OrderLineResponse> OrderLines, decimal Total, InvoicedBy? InvoicedBy, string? InvoicedByDisplayValue,
    IReadOnlyList<OrderStatusTransitionResponse> OrderStatusTransitions,
    IReadOnlyList<OrderLineFeeResponse> OrderLineFees, IReadOnlyList<OrderLineFeeResponse> OrderLineAccountFees,
    string? TeamLeaderName, string? TeamLeaderEmailAddress, string? TeamLeaderPhoneNumber, string? TeamLeaderCostCentre,
    string? TeamLeaderDepartment, string? TeamLeaderPersonnelNumber,
    bool IsProfessionalCourse, bool IsConsumer, bool RequireAccountApproval, bool CalculateProviderFee, bool HasSubsidy,
    Subsidy Subsidy, string SubsidyDisplayValue, bool IsVatExempt, string? PromotionalCode,
    CustomAttributesResponse CustomAttributes, CustomerResponse Customer, IReadOnlyList<ValidationErrorResponse> Errors,
    DateTimeOffset DateCreated, DateTimeOffset DateModified, int Version)
{
    public static OrderResponse From(Order o, string baseUrl) => new(
        o.Id, o.OrderNumber, o.ExternalId, o.ExternalEmployeeCode, o.StudentExternalCompany, o.Name,
        o.Status, DisplayValues.Of(o.Status), o.PurchaseOrderReference, o.ProviderPurchaseOrderReference, o.InvoiceNumber,
        o.CostCentre, o.OrderType, o.ProductTypeDisplayValue, o.PrincipalId,
        new Reference(o.AccountId, Links.Account(baseUrl, o.AccountId)), o.AccountName,
        o.AssortmentId is { } a ? new Reference(a, Links.Assortment(baseUrl, a)) : null, o.AssortmentName,
        o.ProviderId is { } p ? new Reference(p, Links.Provider(baseUrl, p)) : null, o.ProviderName,
        new Reference(o.ProductId, Links.Course(baseUrl, o.ProductId)),
        null, null,
        o.LearningMethodName, DisplayValues.OfOptional(o.LearningMethodFormat),
        o.StartMomentDate?.Year, o.StartMomentDate?.Month, o.StartMomentDate?.Day, o.StartMomentDate, o.StartMomentLocation, o.StartMomentStartGuaranteed,
        o.SecondStartMomentDate?.Year, o.SecondStartMomentDate?.Month, o.SecondStartMomentDate?.Day, o.SecondStartMomentDate, o.SecondStartMomentLocation,
        o.AcceptedStartMomentId, o.AcceptedStartMomentLocation, o.AcceptedStartMomentDate,
        [.. o.OrderLines.OrderBy(l => l.SequenceNumber).Select(OrderLineResponse.From)], o.Total, o.InvoicedBy, DisplayValues.OfOptional(o.InvoicedBy),
        [.. o.StatusTransitions.OrderBy(t => t.Sequence).Select(t => OrderStatusTransitionResponse.From(t, baseUrl))],
        [.. o.OrderLineFees.Select(f => OrderLineFeeResponse.From(f, o.OrderNumber))], [.. o.OrderLineAccountFees.Select(f => OrderLineFeeResponse.From(f, o.OrderNumber))],
        o.TeamLeaderName, o.TeamLeaderEmailAddress, o.TeamLeaderPhoneNumber, o.TeamLeaderCostCentre, o.TeamLeaderDepartment, o.TeamLeaderPersonnelNumber,
        o.IsProfessionalCourse, o.IsConsumer, o.RequireAccountApproval, o.CalculateProviderFee, o.HasSubsidy,
        o.Subsidy, DisplayValues.Of(o.Subsidy), o.IsVatExempt, o.PromotionalCode,
        new CustomAttributesResponse(o.FirstChoiceStartMomentId, o.SecondChoiceStartMomentId),
        CustomerResponse.From(o.Customer), [.. o.Errors.Select(e => new ValidationErrorResponse(e.Code, e.Property, e.Message))],
        o.DateCreated, o.DateModified, o.Version);
}

public sealed record OrderLineResponse(
    int SequenceNumber, CostType CostType, string CostTypeDisplayValue, int Quantity, decimal SubtotalWithoutVAT, string VatCountry,
    decimal VatPercentage, decimal DiscountPercentage, decimal VatAmount, decimal DiscountAmount, decimal Total, InvoiceOnBehalfOfResponse InvoiceOnBehalfOf)
{
    public static OrderLineResponse From(OrderLine l) => new(
        l.SequenceNumber, l.CostType, DisplayValues.Of(l.CostType), l.Quantity, l.SubtotalWithoutVat, l.VatCountry,
        l.VatPercentage, l.DiscountPercentage, l.VatAmount, l.DiscountAmount, l.Total,
        new InvoiceOnBehalfOfResponse(l.InvoiceOnBehalfOf.Id, l.InvoiceOnBehalfOf.MerchantId, l.InvoiceOnBehalfOf.Name, l.InvoiceOnBehalfOf.VatNumber));
}

public sealed record InvoiceOnBehalfOfResponse(Guid? Id, Guid? MerchantId, string? Name, string? VatNumber);

public sealed record OrderLineFeeResponse(
    int SequenceNumber, int OrderNumber, decimal FeeAmount, decimal FeePercentage, OrderFeeStatus FeeStatus, string FeeStatusDisplayValue,
    CostType CostType, string CostTypeDisplayValue)
{
    public static OrderLineFeeResponse From(OrderLineFee f, int orderNumber) => new(
        f.SequenceNumber, orderNumber, f.FeeAmount, f.FeePercentage, f.FeeStatus, DisplayValues.Of(f.FeeStatus), f.CostType, DisplayValues.Of(f.CostType));
}

public sealed record OrderStatusTransitionResponse(
    Guid Id, string Url, Guid OrderId, DateTimeOffset DateCreated, OrderStatus Status, string StatusDisplayValue, string? Message,
    CancellationReason? CancellationReason, string? CancellationReasonDisplayValue,
    AdminCancellationReason? AdminCancellationReason, string? AdminCancellationReasonDisplayValue,
    Role ChangedBy, ActorKind? ChangedByKind, string? ChangedById)
{
    public static OrderStatusTransitionResponse From(OrderStatusTransition t, string baseUrl) => new(
        t.Id, Links.OrderStatusTransition(baseUrl, t.Id), t.OrderId, t.DateCreated, t.Status, DisplayValues.Of(t.Status), t.Message,
        t.CancellationReason, DisplayValues.OfOptional(t.CancellationReason), t.AdminCancellationReason, DisplayValues.OfOptional(t.AdminCancellationReason),
        t.ChangedBy, t.ChangedByKind, t.ChangedById);
}

public sealed record CustomAttributesResponse(string? FirstChoiceStartMomentId, string? SecondChoiceStartMomentId);

public sealed record CustomerResponse(
    string? FirstName, string? MiddleName, string? Surname, DateOnly? BirthDate, string? BirthCity, string? BirthCountryCode,
    string? Email, string? PhoneNumber, string? Company, string? Department, AddressResponse Address)
{
    public static CustomerResponse From(Customer c) => new(
        c.FirstName, c.MiddleName, c.Surname, c.BirthDate, c.BirthCity, c.BirthCountryCode, c.Email, c.PhoneNumber, c.Company, c.Department,
        new AddressResponse(c.Address.Street, c.Address.HouseNumber, c.Address.HouseNumberAdditive, c.Address.PostalCode, c.Address.City, c.Address.CountryCode));
}

public sealed record AddressResponse(string? Street, int? HouseNumber, string? HouseNumberAdditive, string? PostalCode, string? City, string? CountryCode);

public sealed record ValidationErrorResponse(string Code, string Property, string Message);
