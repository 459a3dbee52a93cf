using System.Net.Mail;
using System.Text.RegularExpressions;
using OpenOrders.Domain.Catalog;

namespace OpenOrders.Domain.Orders;

/// <summary>
/// The checks of the slow validation, as one pure function: every failed check is reported, each with a code,
/// the property it is about, and a message.
/// </summary>
public static partial class OrderChecks
{
    public static List<ValidationError> Run(Order order, ValidationContext context)
    {
        var errors = new List<ValidationError>();
        void Fail(string code, string property, string message) =>
            errors.Add(new ValidationError { Code = code, Property = property, Message = message });

        if (context.Account is null)
            Fail("AccountNotFound", "accountReference", $"There is no account {order.AccountId}.");

        var product = context.Product;
        if (product is null)
            Fail("ProductNotFound", "productReference", $"There is no course {order.ProductId}.");
        else
        {
            if (!product.IsActive) Fail("ProductInactive", "productReference", "The course is no longer offered.");
            if (context.Account is not null && context.Assortments.Count == 0)
                Fail("ProductNotInAssortment", "productReference",
                    "The course is not in any assortment of the account.");
            if (order.OrderType != product.OrderType)
                Fail("OrderTypeMismatch", "orderType",
                    $"The course is ordered as {product.OrderType}, not {order.OrderType}.");
            CheckStartMoments(order, product, context.Now, Fail);
        }

        CheckCustomer(order.Customer, context.Now, Fail);

        if (!string.IsNullOrWhiteSpace(order.PromotionalCode) && context.PromotionalCode is not { IsActive: true })
            Fail("PromotionalCodeNotFound", "promotionalCode",
                $"There is no active promotional code '{order.PromotionalCode}'.");
        return errors;
    }

    private static void CheckStartMoments(Order order, Product product, DateTimeOffset now,
        Action<string, string, string> fail)
    {
        const string first = "customAttributes.firstChoiceStartMomentId";
        const string second = "customAttributes.secondChoiceStartMomentId";
        var scheduled = product.LearningMethod.Planning == Planning.Scheduled;

        StartMoment? firstMoment = null;
        if (string.IsNullOrWhiteSpace(order.FirstChoiceStartMomentId))
        {
            if (scheduled) fail("StartMomentRequired", first, "The course has fixed start moments: choose one.");
        }
        else
            firstMoment = CheckOne(order.FirstChoiceStartMomentId, first);

        if (!string.IsNullOrWhiteSpace(order.SecondChoiceStartMomentId))
        {
            var secondMoment = CheckOne(order.SecondChoiceStartMomentId, second);
            if (secondMoment is not null && secondMoment.Id == firstMoment?.Id)
                fail("SecondStartMomentSameAsFirst", second, "The second choice must differ from the first.");
        }

        StartMoment? CheckOne(string idOrExternalId, string property)
        {
            var moment = product.FindStartMoment(idOrExternalId);
            if (moment is null)
                fail("StartMomentNotFound", property, $"The course has no start moment '{idOrExternalId}'.");
            else if (moment.Date <= now)
                fail("StartMomentInPast", property,
                    $"The start moment '{idOrExternalId}' has already started ({moment.Date:yyyy-MM-dd}).");
            return moment;
        }
    }

    /// <summary>The customer's checks alone, for changes made outside a validation.</summary>
    public static List<ValidationError> CustomerErrors(Customer customer, DateTimeOffset now)
    {
        var errors = new List<ValidationError>();
        CheckCustomer(customer, now, (code, property, message) =>
            errors.Add(new ValidationError { Code = code, Property = property, Message = message }));
        return errors;
    }

    private static void CheckCustomer(Customer customer, DateTimeOffset now, Action<string, string, string> fail)
    {
        if (string.IsNullOrWhiteSpace(customer.FirstName))
            fail("CustomerFirstNameRequired", "customer.firstName", "The student's first name is required.");
        if (string.IsNullOrWhiteSpace(customer.Surname))
            fail("CustomerSurnameRequired", "customer.surname", "The student's surname is required.");
        if (!IsEmail(customer.Email))
            fail("CustomerEmailInvalid", "customer.email", "A valid e-mail address is required.");
        if (customer.BirthDate is not { } birth)
            fail("CustomerBirthDateRequired", "customer.birthDate", "The student's birth date is required.");
        else if (birth >= DateOnly.FromDateTime(now.UtcDateTime))
            fail("CustomerBirthDateNotInPast", "customer.birthDate", "The birth date must lie in the past.");
        if (customer.BirthCountryCode is { Length: > 0 } birthCountry && !CountryCodes.IsValid(birthCountry))
            fail("CountryCodeInvalid", "customer.birthCountryCode",
                $"'{birthCountry}' is not an ISO 3166 alpha-2 country code.");
        var address = customer.Address;
        if (address.CountryCode is { Length: > 0 } country && !CountryCodes.IsValid(country))
            fail("CountryCodeInvalid", "customer.address.countryCode",
                $"'{country}' is not an ISO 3166 alpha-2 country code.");
        if (string.Equals(address.CountryCode, "NL", StringComparison.OrdinalIgnoreCase)
                && !DutchPostalCode().IsMatch(address.PostalCode ?? ""))
            fail("PostalCodeInvalid", "customer.address.postalCode",
                "A Dutch postal code has four digits and two letters, such as 1213 PD.");
    }

    private static bool IsEmail(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var address)
        && address.Address == value.Trim() && address.Host.Contains('.');

    [GeneratedRegex(@"^[1-9][0-9]{3} ?[A-Za-z]{2}$")]
    private static partial Regex DutchPostalCode();
}
