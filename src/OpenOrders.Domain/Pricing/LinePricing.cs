namespace OpenOrders.Domain.Pricing;

/// <summary>The money of one order line.</summary>
public sealed record LineAmounts(decimal SubtotalWithoutVat, decimal DiscountPercentage, decimal DiscountAmount,
    decimal VatPercentage, decimal VatAmount, decimal Total);

/// <summary>
/// Order-line and fee arithmetic as plain functions. Each amount is rounded to cents as it is computed, so a
/// line's total is exactly the sum of its rounded parts and an order's total the sum of its lines.
/// </summary>
public static class LinePricing
{
    public static LineAmounts Line(decimal subtotalWithoutVat, decimal discountPercentage, decimal vatPercentage,
        bool vatExempt)
    {
        var subtotal = Money.Round(subtotalWithoutVat);
        var discount = Money.Percentage(subtotal, discountPercentage);
        var vatRate = vatExempt ? 0m : vatPercentage;
        var vat = Money.Percentage(subtotal - discount, vatRate);
        return new LineAmounts(subtotal, discountPercentage, discount, vatRate, vat, subtotal - discount + vat);
    }

    /// <summary>A provider's or an account's fee on one line: a percentage of what is charged before VAT.</summary>
    public static decimal Fee(LineAmounts line, decimal feePercentage) =>
        Money.Percentage(line.SubtotalWithoutVat - line.DiscountAmount, feePercentage);

    public static decimal Total(IEnumerable<LineAmounts> lines) => lines.Sum(l => l.Total);
}
