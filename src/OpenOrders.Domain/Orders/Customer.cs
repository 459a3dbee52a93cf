namespace OpenOrders.Domain.Orders;

/// <summary>The student the course is ordered for.</summary>
public sealed class Customer
{
    public string? FirstName { get; set; }
    public string? MiddleName { get; set; }
    public string? Surname { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? BirthCity { get; set; }
    public string? BirthCountryCode { get; set; }
    public string? Email { get; set; }
    public string? PhoneNumber { get; set; }
    public string? Company { get; set; }
    public string? Department { get; set; }
    public Address Address { get; set; } = new();

    /// <summary>The student's name as people read it: first name, middle name (tussenvoegsel) and surname.</summary>
    public string FullName => FullNameOf(FirstName, MiddleName, Surname);

    /// <summary>
    /// The one way names are joined, also for lists that read the three parts in a query ("Sanne de Vries").
    /// </summary>
    public static string FullNameOf(string? firstName, string? middleName, string? surname) =>
        string.Join(" ", new[] { firstName, middleName, surname }.Where(p => !string.IsNullOrWhiteSpace(p))
            .Select(p => p!.Trim()));

    public Customer Copy() => new()
    {
        FirstName = FirstName, MiddleName = MiddleName, Surname = Surname, BirthDate = BirthDate, BirthCity = BirthCity,
        BirthCountryCode = BirthCountryCode, Email = Email, PhoneNumber = PhoneNumber, Company = Company,
        Department = Department,
        Address = new Address
        {
            Street = Address.Street, HouseNumber = Address.HouseNumber,
            HouseNumberAdditive = Address.HouseNumberAdditive,
            PostalCode = Address.PostalCode, City = Address.City, CountryCode = Address.CountryCode,
        },
    };
}

public sealed class Address
{
    public string? Street { get; set; }
    public int? HouseNumber { get; set; }
    public string? HouseNumberAdditive { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? CountryCode { get; set; }
}
