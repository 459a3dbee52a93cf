using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Pricing;

namespace OpenOrders.Domain.Orders;

/// <summary>An order's lines and fees, priced from its course; and who the lines are invoiced on behalf of.</summary>
public sealed partial class Order
{
    /// <summary>
    /// One line per price component, in the course's order; fees per line.
    /// Keeps invoice-on-behalf-of data already given.
    /// </summary>
    private void Price(Product product, Provider provider, Account account, decimal discountPercentage)
    {
        var previous = OrderLines.ToDictionary(l => l.SequenceNumber, l => l.InvoiceOnBehalfOf);
        OrderLines = [];
        OrderLineFees = [];
        OrderLineAccountFees = [];
        var sequence = 0;
        foreach (var component in product.PriceComponents)
        {
            sequence++;
            var amounts = LinePricing.Line(component.AmountWithoutVat, discountPercentage,
                component.VatPercentage, IsVatExempt);
            OrderLines.Add(new OrderLine
            {
                SequenceNumber = sequence, CostType = component.CostType, Quantity = 1,
                SubtotalWithoutVat = amounts.SubtotalWithoutVat, DiscountPercentage = amounts.DiscountPercentage,
                DiscountAmount = amounts.DiscountAmount,
                VatPercentage = amounts.VatPercentage, VatAmount = amounts.VatAmount, Total = amounts.Total,
                // A copy, not the same object: the old line and its parts are being replaced as a whole.
                InvoiceOnBehalfOf = previous.GetValueOrDefault(sequence) is { } kept
                    ? new InvoiceOnBehalfOf
                    {
                        Id = kept.Id, MerchantId = kept.MerchantId, Name = kept.Name, VatNumber = kept.VatNumber
                    }
                    : new InvoiceOnBehalfOf(),
            });
            if (provider.CalculateProviderFee)
                OrderLineFees.Add(new OrderLineFee
                {
                    SequenceNumber = sequence, CostType = component.CostType,
                    FeePercentage = provider.ProviderFeePercentage,
                    FeeAmount = LinePricing.Fee(amounts, provider.ProviderFeePercentage)
                });
            if (account.AccountFeePercentage > 0)
                OrderLineAccountFees.Add(new OrderLineFee
                {
                    SequenceNumber = sequence, CostType = component.CostType,
                    FeePercentage = account.AccountFeePercentage,
                    FeeAmount = LinePricing.Fee(amounts, account.AccountFeePercentage)
                });
        }
        Total = OrderLines.Sum(l => l.Total);
    }

    /// <summary>The provider names, per line, the legal company the invoice is issued on behalf of.</summary>
    public void SetInvoiceOnBehalfOf(int sequenceNumber, string name, string vatNumber,
        IEnumerable<LegalCompany> companies, DateTimeOffset now)
    {
        if (!OrderUpdateRules.OrderLinesChangeable.Contains(Status))
            throw new OrderRuleViolation(ViolationKind.Conflict,
                OrderMessages.Say(OrderMessages.OrderLinesNotChangeable,
                    string.Join(" or ", OrderUpdateRules.OrderLinesChangeable), Status));
        var line = OrderLines.SingleOrDefault(l => l.SequenceNumber == sequenceNumber)
            ?? throw new OrderRuleViolation(ViolationKind.Conflict,
                $"Order {OrderNumber} has no order line {sequenceNumber}.")
            { Errors = new Dictionary<string, string[]>() };
        var vat = VatNumber.Normalise(vatNumber);
        var company = companies.FirstOrDefault(c => c.VatNumber == vat
                && string.Equals(c.Name, name.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? companies.FirstOrDefault(c => c.VatNumber == vat);
        line.InvoiceOnBehalfOf = new InvoiceOnBehalfOf
        {
            Name = name.Trim(), VatNumber = vat, Id = company?.Id, MerchantId = company?.MerchantId
        };
        Changed(now, OrderChangeKind.Modified, ["orderLines"]);
    }
}
