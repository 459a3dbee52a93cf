using OpenOrders.Domain.Pricing;

namespace OpenOrders.Domain.Tests.Pricing;

public sealed class LinePricingTests
{
    [Theory]
    // subtotal, discount %, VAT %, exempt → discount, VAT, total
    [InlineData(1000, 0, 21, false, 0, 210, 1210)]
    [InlineData(1000, 10, 21, false, 100, 189, 1089)]
    [InlineData(1000, 0, 21, true, 0, 0, 1000)]
    [InlineData(89.95, 0, 9, false, 0, 8.10, 98.05)]     // 8.0955 → 8.10
    [InlineData(0.50, 0, 21, false, 0, 0.11, 0.61)]     // 0.105 → 0.11: half a cent rounds away from zero
    [InlineData(0.50, 1, 0, false, 0.01, 0, 0.49)]      // 0.005 discount → 0.01
    [InlineData(10.10, 15, 21, false, 1.52, 1.80, 10.38)] // 1.515 → 1.52; (8.58 × 21 %) 1.8018 → 1.80
    public void A_line_is_priced_with_each_amount_rounded_to_cents(
        decimal subtotal, decimal discountPct, decimal vatPct, bool exempt, decimal discount, decimal vat,
        decimal total)
    {
        var line = LinePricing.Line(subtotal, discountPct, vatPct, exempt);
        Assert.Equal(discount, line.DiscountAmount);
        Assert.Equal(vat, line.VatAmount);
        Assert.Equal(total, line.Total);
        Assert.Equal(exempt ? 0 : vatPct, line.VatPercentage);
        Assert.Equal(line.SubtotalWithoutVat - line.DiscountAmount + line.VatAmount, line.Total);
    }

    [Theory]
    [InlineData(2.5, 2.5)]
    [InlineData(-2.5, -2.5)]
    [InlineData(0.125, 0.13)]
    [InlineData(-0.125, -0.13)]
    [InlineData(0.124999, 0.12)]
    public void Rounding_is_half_away_from_zero(decimal amount, decimal rounded) =>
        Assert.Equal(rounded, Money.Round(amount));

    [Theory]
    [InlineData(1000, 0, 5, 50)]
    [InlineData(1000, 10, 5, 45)]
    [InlineData(250.50, 0, 5, 12.53)] // 12.525 → 12.53
    public void A_fee_is_a_percentage_of_what_is_charged_before_vat(
        decimal subtotal, decimal discountPct, decimal feePct, decimal fee) =>
        Assert.Equal(fee, LinePricing.Fee(LinePricing.Line(subtotal, discountPct, 21, false), feePct));

    [Fact]
    public void Prices_within_their_bounds_never_overflow_in_any_sum_fee_or_vat()
    {
        // The most an order can hold: many lines at the largest price with the largest percentages.
        var line = LinePricing.Line(Money.MaxAmount, 0, 100, false);
        Assert.Equal(2 * Money.MaxAmount, line.Total);
        Assert.Equal(Money.MaxAmount, LinePricing.Fee(line, 100));
        Assert.Equal(20_000 * Money.MaxAmount, LinePricing.Total(Enumerable.Repeat(line, 10_000)));
        Assert.False(Money.IsValidAmount(Money.MaxAmount + 0.01m));
        Assert.False(Money.IsValidAmount(-0.01m));
    }
}
