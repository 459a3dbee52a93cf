using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// An order property a client may set, by its path in the object model, with its type, its accessors and, for text,
/// its longest value: the create and update checks, the database columns and the OpenAPI schema all read it here.
/// </summary>
public sealed record OrderProperty(string Name, Type Type, Func<Order, object?> Get, Action<Order, object?> Set,
    int? MaxLength = null);

/// <summary>The catalogue of settable order properties. The update rules refer to these names.</summary>
public static class OrderProperties
{
    /// <summary>Most texts: references, names, contact details.</summary>
    public const int TextLength = 300;

    /// <summary>A start moment's externalId or GUID.</summary>
    public const int StartMomentIdLength = 100;

    /// <summary>An e-mail address (its column is wider: RFC 5321's 320).</summary>
    public const int EmailLength = 300;

    public static readonly IReadOnlyList<OrderProperty> All =
    [
        Text("externalId", o => o.ExternalId, (o, v) => o.ExternalId = v),
        Text("externalEmployeeCode", o => o.ExternalEmployeeCode, (o, v) => o.ExternalEmployeeCode = v),
        Text("studentExternalCompany", o => o.StudentExternalCompany, (o, v) => o.StudentExternalCompany = v),
        Text("purchaseOrderReference", o => o.PurchaseOrderReference, (o, v) => o.PurchaseOrderReference = v),
        Text("costCentre", o => o.CostCentre, (o, v) => o.CostCentre = v),
        Text("principalId", o => o.PrincipalId, (o, v) => o.PrincipalId = v),
        Text("teamLeaderName", o => o.TeamLeaderName, (o, v) => o.TeamLeaderName = v),
        Text("teamLeaderEmailAddress", o => o.TeamLeaderEmailAddress, (o, v) => o.TeamLeaderEmailAddress = v),
        Text("teamLeaderPhoneNumber", o => o.TeamLeaderPhoneNumber, (o, v) => o.TeamLeaderPhoneNumber = v),
        Text("teamLeaderCostCentre", o => o.TeamLeaderCostCentre, (o, v) => o.TeamLeaderCostCentre = v),
        Text("teamLeaderDepartment", o => o.TeamLeaderDepartment, (o, v) => o.TeamLeaderDepartment = v),
        Text("teamLeaderPersonnelNumber", o => o.TeamLeaderPersonnelNumber, (o, v) => o.TeamLeaderPersonnelNumber = v),
        Text("providerPurchaseOrderReference", o => o.ProviderPurchaseOrderReference,
            (o, v) => o.ProviderPurchaseOrderReference = v),
        Text("name", o => o.Name, (o, v) => o.Name = v),
        Text("promotionalCode", o => o.PromotionalCode, (o, v) => o.PromotionalCode = v),
        new("productReference", typeof(Guid), o => o.ProductId, (o, v) => o.ProductId = (Guid)v!),
        new("orderType", typeof(OrderType), o => o.OrderType, (o, v) => o.OrderType = (OrderType)v!),
        Text("customAttributes.firstChoiceStartMomentId", o => o.FirstChoiceStartMomentId,
            (o, v) => o.FirstChoiceStartMomentId = v, StartMomentIdLength),
        Text("customAttributes.secondChoiceStartMomentId", o => o.SecondChoiceStartMomentId,
            (o, v) => o.SecondChoiceStartMomentId = v, StartMomentIdLength),
        Text("customer.firstName", o => o.Customer.FirstName, (o, v) => o.Customer.FirstName = v),
        Text("customer.middleName", o => o.Customer.MiddleName, (o, v) => o.Customer.MiddleName = v),
        Text("customer.surname", o => o.Customer.Surname, (o, v) => o.Customer.Surname = v),
        new("customer.birthDate", typeof(DateOnly), o => o.Customer.BirthDate,
            (o, v) => o.Customer.BirthDate = (DateOnly?)v),
        Text("customer.birthCity", o => o.Customer.BirthCity, (o, v) => o.Customer.BirthCity = v),
        Text("customer.birthCountryCode", o => o.Customer.BirthCountryCode, (o, v) => o.Customer.BirthCountryCode = v),
        Text("customer.email", o => o.Customer.Email, (o, v) => o.Customer.Email = v, EmailLength),
        Text("customer.phoneNumber", o => o.Customer.PhoneNumber, (o, v) => o.Customer.PhoneNumber = v),
        Text("customer.company", o => o.Customer.Company, (o, v) => o.Customer.Company = v),
        Text("customer.department", o => o.Customer.Department, (o, v) => o.Customer.Department = v),
        Text("customer.address.street", o => o.Customer.Address.Street, (o, v) => o.Customer.Address.Street = v),
        new("customer.address.houseNumber", typeof(int), o => o.Customer.Address.HouseNumber,
            (o, v) => o.Customer.Address.HouseNumber = (int?)v),
        Text("customer.address.houseNumberAdditive", o => o.Customer.Address.HouseNumberAdditive,
            (o, v) => o.Customer.Address.HouseNumberAdditive = v),
        Text("customer.address.postalCode", o => o.Customer.Address.PostalCode,
            (o, v) => o.Customer.Address.PostalCode = v),
        Text("customer.address.city", o => o.Customer.Address.City, (o, v) => o.Customer.Address.City = v),
        Text("customer.address.countryCode", o => o.Customer.Address.CountryCode,
            (o, v) => o.Customer.Address.CountryCode = v),
        // Applied by Order.Update itself: a start moment of the course, by GUID or externalId.
        new("acceptedStartMomentId", typeof(string), o => o.AcceptedStartMomentId, (_, _) => { }, StartMomentIdLength),
    ];

    private static readonly Dictionary<string, OrderProperty> ByName =
        All.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a property by its path in any letter case; null when it is not settable at all.</summary>
    public static OrderProperty? Find(string path) => ByName.GetValueOrDefault(path);

    /// <summary>The longest value of a text property; throws for a name that is not one.</summary>
    public static int MaxLengthOf(string name) =>
        Find(name)?.MaxLength
            ?? throw new ArgumentException($"'{name}' is not a text property of an order.", nameof(name));

    private static OrderProperty Text(string name, Func<Order, string?> get, Action<Order, string?> set,
        int maxLength = TextLength) =>
        new(name, typeof(string), get, (o, v) => set(o, (string?)v), maxLength);
}
