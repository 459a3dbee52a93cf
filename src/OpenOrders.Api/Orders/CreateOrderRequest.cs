using System.ComponentModel.DataAnnotations;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// The body of POST /api/v1/orders, as the guide's example writes it (property names in any case).
/// </summary>
public sealed record CreateOrderRequest(
    Guid? AccountReference,
    [Required] Guid? ProductReference,
    [Required] OrderType? OrderType,
    string? Name,
    [Required] CustomerRequest? Customer,
    CustomAttributesRequest? CustomAttributes,
    string? ExternalId,
    string? ExternalEmployeeCode,
    string? StudentExternalCompany,
    string? PurchaseOrderReference,
    string? CostCentre,
    string? PrincipalId,
    string? PromotionalCode,
    string? TeamLeaderName,
    string? TeamLeaderEmailAddress,
    string? TeamLeaderPhoneNumber,
    string? TeamLeaderCostCentre,
    string? TeamLeaderDepartment,
    string? TeamLeaderPersonnelNumber)
{
    /// <summary>
    /// What must hold before anything is stored: the shape. Everything about the content (does the course
    /// exist, is the e-mail valid, …) is the slow validation's, which reports all of it on the order.
    /// </summary>
    public void Validate(Caller caller, RequestErrors errors)
    {
        if (caller.Role == Role.Account && AccountReference is { } account && account != caller.Tenant)
            errors.Add("accountReference", "An account client orders for its own account only.");
        if (caller.IsAdmin) errors.Required(AccountReference, "accountReference");
        errors.Required(ProductReference, "productReference");
        errors.Required(OrderType, "orderType");
        errors.Required(Customer, "customer");
        foreach (var (property, value) in Texts())
            errors.MaxLength(value, property, OrderProperties.MaxLengthOf(property));
    }

    private IEnumerable<(string, string?)> Texts() =>
    [
        ("name", Name), ("externalId", ExternalId), ("externalEmployeeCode", ExternalEmployeeCode),
        ("studentExternalCompany", StudentExternalCompany), ("purchaseOrderReference", PurchaseOrderReference),
        ("costCentre", CostCentre), ("principalId", PrincipalId), ("promotionalCode", PromotionalCode),
        ("teamLeaderName", TeamLeaderName), ("teamLeaderEmailAddress", TeamLeaderEmailAddress),
        ("teamLeaderPhoneNumber", TeamLeaderPhoneNumber), ("teamLeaderCostCentre", TeamLeaderCostCentre),
        ("teamLeaderDepartment", TeamLeaderDepartment), ("teamLeaderPersonnelNumber", TeamLeaderPersonnelNumber),
        ("customer.firstName", Customer?.FirstName), ("customer.middleName", Customer?.MiddleName),
        ("customer.surname", Customer?.Surname), ("customer.birthCity", Customer?.BirthCity),
        ("customer.birthCountryCode", Customer?.BirthCountryCode), ("customer.email", Customer?.Email),
        ("customer.phoneNumber", Customer?.PhoneNumber), ("customer.company", Customer?.Company),
        ("customer.department", Customer?.Department),
        ("customer.address.street", Customer?.Address?.Street),
        ("customer.address.houseNumberAdditive", Customer?.Address?.HouseNumberAdditive),
        ("customer.address.postalCode", Customer?.Address?.PostalCode),
        ("customer.address.city", Customer?.Address?.City),
        ("customer.address.countryCode", Customer?.Address?.CountryCode),
        ("customAttributes.firstChoiceStartMomentId", CustomAttributes?.FirstChoiceStartMomentId),
        ("customAttributes.secondChoiceStartMomentId", CustomAttributes?.SecondChoiceStartMomentId),
    ];

    public NewOrder ToNewOrder(Caller caller, Guid id, Guid? providerId) => new()
    {
        Id = id,
        AccountId = caller.Role == Role.Account ? caller.Tenant : AccountReference!.Value,
        ProductId = ProductReference!.Value,
        ProviderId = providerId,
        OrderType = OrderType!.Value,
        Name = Trim(Name),
        Customer = Customer!.ToCustomer(),
        FirstChoiceStartMomentId = Trim(CustomAttributes?.FirstChoiceStartMomentId),
        SecondChoiceStartMomentId = Trim(CustomAttributes?.SecondChoiceStartMomentId),
        ExternalId = Trim(ExternalId),
        ExternalEmployeeCode = Trim(ExternalEmployeeCode),
        StudentExternalCompany = Trim(StudentExternalCompany),
        PurchaseOrderReference = Trim(PurchaseOrderReference),
        CostCentre = Trim(CostCentre),
        PrincipalId = Trim(PrincipalId),
        PromotionalCode = Trim(PromotionalCode),
        TeamLeaderName = Trim(TeamLeaderName),
        TeamLeaderEmailAddress = Trim(TeamLeaderEmailAddress),
        TeamLeaderPhoneNumber = Trim(TeamLeaderPhoneNumber),
        TeamLeaderCostCentre = Trim(TeamLeaderCostCentre),
        TeamLeaderDepartment = Trim(TeamLeaderDepartment),
        TeamLeaderPersonnelNumber = Trim(TeamLeaderPersonnelNumber),
    };

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

public sealed record CustomerRequest(
    string? FirstName, string? MiddleName, string? Surname, DateOnly? BirthDate, string? BirthCity,
    string? BirthCountryCode, string? Email, string? PhoneNumber, string? Company, string? Department,
    AddressRequest? Address)
{
    public Customer ToCustomer() => new()
    {
        FirstName = FirstName?.Trim(), MiddleName = MiddleName?.Trim(), Surname = Surname?.Trim(),
        BirthDate = BirthDate, BirthCity = BirthCity?.Trim(), BirthCountryCode = BirthCountryCode?.Trim(),
        Email = Email?.Trim(), PhoneNumber = PhoneNumber?.Trim(), Company = Company?.Trim(),
        Department = Department?.Trim(),
        Address = new Address
        {
            Street = Address?.Street?.Trim(), HouseNumber = Address?.HouseNumber,
            HouseNumberAdditive = Address?.HouseNumberAdditive?.Trim(), PostalCode = Address?.PostalCode?.Trim(),
            City = Address?.City?.Trim(), CountryCode = Address?.CountryCode?.Trim(),
        },
    };
}

public sealed record AddressRequest(string? Street, int? HouseNumber, string? HouseNumberAdditive, string? PostalCode,
    string? City, string? CountryCode);

/// <summary>
/// The start moments chosen: a start moment's externalId (the guide's "startmomentId") or its GUID id.
/// </summary>
public sealed record CustomAttributesRequest(string? FirstChoiceStartMomentId, string? SecondChoiceStartMomentId);
