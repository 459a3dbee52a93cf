using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Domain.Tests.Orders;

public sealed class OrderPricingTests
{
    [Fact]
    public void A_passed_validation_prices_one_line_per_price_component_with_fees()
    {
        var provider = Orders.Provider();
        var account = Orders.Account();
        var product = Orders.Product(provider);
        var order = Orders.New(account, product);

        order.CompleteValidation(Orders.Context(account, product, provider,
            new PromotionalCode { Code = "WELKOM10", DiscountPercentage = 10 }));

        Assert.Equal(OrderStatus.PendingProvider, order.Status);
        Assert.Equal([1, 2], order.OrderLines.Select(l => l.SequenceNumber));
        var exam = order.OrderLines[1];
        // 225.45 × 21 % = 47.3445
        Assert.Equal((250.5m, 25.05m, 47.34m, 272.79m),
            (exam.SubtotalWithoutVat, exam.DiscountAmount, exam.VatAmount, exam.Total));
        Assert.Equal(order.OrderLines.Sum(l => l.Total), order.Total);
        Assert.Equal([45m, 11.27m], order.OrderLineFees.Select(f => f.FeeAmount)); // 5 % of 900 and of 225.45
        Assert.Equal([18m, 4.51m], order.OrderLineAccountFees.Select(f => f.FeeAmount));
        Assert.Equal(product.StartMoments[0].Id, order.StartMomentId);
        Assert.Equal("Opleider", order.ProviderName);
    }

    [Fact]
    public void A_professional_course_of_an_exempt_provider_has_no_vat()
    {
        var provider = Orders.Provider();
        provider.IsVatExempt = true;
        var account = Orders.Account();
        var product = Orders.Product(provider);
        product.IsProfessionalCourse = true;
        var order = Orders.New(account, product);

        order.CompleteValidation(Orders.Context(account, product, provider));

        Assert.True(order.IsVatExempt);
        Assert.All(order.OrderLines, l => Assert.Equal((0m, 0m), (l.VatPercentage, l.VatAmount)));
        Assert.Equal(1250.5m, order.Total);
    }

    [Fact]
    public void An_account_that_approves_first_gets_the_order_in_pending_account()
    {
        var provider = Orders.Provider();
        var account = Orders.Account(approval: true);
        var product = Orders.Product(provider);
        var order = Orders.New(account, product);
        order.CompleteValidation(Orders.Context(account, product, provider));
        Assert.Equal(OrderStatus.PendingAccount, order.Status);
    }

    [Fact]
    public void A_failed_validation_makes_the_order_invalid_with_its_errors()
    {
        var provider = Orders.Provider();
        var account = Orders.Account();
        var product = Orders.Product(provider);
        var order = Orders.New(account, product, o => o.Customer.Email = null);
        order.CompleteValidation(Orders.Context(account, product, provider));
        Assert.Equal(OrderStatus.Invalid, order.Status);
        Assert.Equal("CustomerEmailInvalid", Assert.Single(order.Errors).Code);
        Assert.Empty(order.OrderLines);
    }

    [Fact]
    public void Invoice_on_behalf_of_is_resolved_from_the_providers_legal_companies()
    {
        var order = Orders.InStatus(OrderStatus.PendingProvider, completeLines: false);
        var company = new LegalCompany
            { Id = Guid.NewGuid(), MerchantId = Guid.NewGuid(), Name = "Opleider BV", VatNumber = "NL123456789B01" };
        order.SetInvoiceOnBehalfOf(1, "Opleider BV", "nl123456789b01", [company], Orders.Now);
        order.SetInvoiceOnBehalfOf(2, "Iemand anders", "DE123456789", [company], Orders.Now);
        Assert.Equal((company.Id, company.MerchantId, "NL123456789B01"),
            (order.OrderLines[0].InvoiceOnBehalfOf.Id, order.OrderLines[0].InvoiceOnBehalfOf.MerchantId,
                order.OrderLines[0].InvoiceOnBehalfOf.VatNumber));
        Assert.Null(order.OrderLines[1].InvoiceOnBehalfOf.Id);
        Assert.True(order.OrderLines.All(l => l.HasInvoiceOnBehalfOf));
    }
}
