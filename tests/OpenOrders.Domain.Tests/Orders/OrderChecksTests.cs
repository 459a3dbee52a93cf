using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class OrderChecksTests
{
    private readonly Provider provider = Orders.Provider();
    private readonly Account account = Orders.Account();
    private readonly Product product;

    public OrderChecksTests() => product = Orders.Product(provider);

    public static TheoryData<string, string, string> EveryRule() => new()
    {
        { "productInactive", "ProductInactive", "productReference" },
        { "notInAssortment", "ProductNotInAssortment", "productReference" },
        { "orderType", "OrderTypeMismatch", "orderType" },
        { "noFirstChoice", "StartMomentRequired", "customAttributes.firstChoiceStartMomentId" },
        { "unknownStartMoment", "StartMomentNotFound", "customAttributes.firstChoiceStartMomentId" },
        { "pastStartMoment", "StartMomentInPast", "customAttributes.firstChoiceStartMomentId" },
        { "unknownSecond", "StartMomentNotFound", "customAttributes.secondChoiceStartMomentId" },
        { "sameSecond", "SecondStartMomentSameAsFirst", "customAttributes.secondChoiceStartMomentId" },
        { "noFirstName", "CustomerFirstNameRequired", "customer.firstName" },
        { "noSurname", "CustomerSurnameRequired", "customer.surname" },
        { "badEmail", "CustomerEmailInvalid", "customer.email" },
        { "noBirthDate", "CustomerBirthDateRequired", "customer.birthDate" },
        { "futureBirthDate", "CustomerBirthDateNotInPast", "customer.birthDate" },
        { "badBirthCountry", "CountryCodeInvalid", "customer.birthCountryCode" },
        { "badCountry", "CountryCodeInvalid", "customer.address.countryCode" },
        { "badPostalCode", "PostalCodeInvalid", "customer.address.postalCode" },
        { "unknownPromotionalCode", "PromotionalCodeNotFound", "promotionalCode" },
        { "noAccount", "AccountNotFound", "accountReference" },
        { "noProduct", "ProductNotFound", "productReference" },
    };

    [Fact]
    public void A_valid_order_passes_every_check() =>
        Assert.Empty(OrderChecks.Run(Orders.New(account, product), Orders.Context(account, product, provider)));

    [Theory]
    [MemberData(nameof(EveryRule))]
    public void Each_rule_failing_alone_gives_exactly_its_error(string breakage, string code, string property)
    {
        var (order, context) = Broken(breakage);
        var error = Assert.Single(OrderChecks.Run(order, context));
        Assert.Equal(code, error.Code);
        Assert.Equal(property, error.Property);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void An_invalid_order_shows_all_its_errors_at_once()
    {
        var order = Orders.New(account, product, o =>
        {
            o.OrderType = OrderType.Exam;
            o.Customer.FirstName = null;
            o.Customer.Email = "not-an-email";
            o.Customer.Address.PostalCode = "12345";
        });
        Assert.Equal(["CustomerEmailInvalid", "CustomerFirstNameRequired", "OrderTypeMismatch", "PostalCodeInvalid"],
            OrderChecks.Run(order, Orders.Context(account, product, provider)).Select(e => e.Code).Order());
    }

    [Fact]
    public void A_self_planned_course_needs_no_start_moment()
    {
        var selfPlanned = Orders.Product(provider, selfPlanned: true);
        Assert.Empty(OrderChecks.Run(Orders.New(account, selfPlanned), Orders.Context(account, selfPlanned, provider)));
    }

    [Fact]
    public void A_start_moment_may_be_named_by_its_guid_as_well()
    {
        var order = Orders.New(account, product,
            o => o.FirstChoiceStartMomentId = product.StartMoments[1].Id.ToString());
        Assert.Empty(OrderChecks.Run(order, Orders.Context(account, product, provider)));
    }

    private (Order, ValidationContext) Broken(string breakage)
    {
        var context = Orders.Context(account, product, provider);
        Order With(Action<Order> change) => Orders.New(account, product, change);
        return breakage switch
        {
            "productInactive" => (With(_ => product.IsActive = false), context),
            "notInAssortment" => (With(_ => { }), context with { Assortments = [] }),
            "orderType" => (With(o => o.OrderType = OrderType.ELearning), context),
            "noFirstChoice" => (With(o => o.FirstChoiceStartMomentId = null), context),
            "unknownStartMoment" => (With(o => o.FirstChoiceStartMomentId = "NOPE"), context),
            "pastStartMoment" => (With(o => o.FirstChoiceStartMomentId = "SM-OLD"), context),
            "unknownSecond" => (With(o => o.SecondChoiceStartMomentId = "NOPE"), context),
            "sameSecond" => (With(o => o.SecondChoiceStartMomentId = "SM-1"), context),
            "noFirstName" => (With(o => o.Customer.FirstName = " "), context),
            "noSurname" => (With(o => o.Customer.Surname = null), context),
            "badEmail" => (With(o => o.Customer.Email = "testuser@"), context),
            "noBirthDate" => (With(o => o.Customer.BirthDate = null), context),
            "futureBirthDate" => (With(o => o.Customer.BirthDate = new DateOnly(2030, 1, 1)), context),
            "badBirthCountry" => (With(o => o.Customer.BirthCountryCode = "XX"), context),
            "badCountry" => (With(o => { o.Customer.Address.CountryCode = "Nederland"; }), context),
            "badPostalCode" => (With(o => o.Customer.Address.PostalCode = "1213"), context),
            "unknownPromotionalCode" => (With(o => o.PromotionalCode = "GRATIS"), context),
            "noAccount" => (With(_ => { }), context with { Account = null }),
            "noProduct" => (With(_ => { }), context with { Product = null }),
            _ => throw new ArgumentOutOfRangeException(nameof(breakage)),
        };
    }
}
