namespace OpenOrders.Domain.Pricing;

/// <summary>Euro amounts: decimals, rounded half away from zero to cents.</summary>
public static class Money
{
    /// <summary>
    /// The largest amount a price may carry, in euros. Far above any course, and far enough below decimal's range
    /// that every sum, fee and VAT of an order of such prices is computed without overflow.
    /// </summary>
    public const decimal MaxAmount = 1_000_000m;

    public static bool IsValidAmount(decimal amount) => amount is >= 0 and <= MaxAmount;

    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A percentage of an amount, rounded to cents.</summary>
    public static decimal Percentage(decimal amount, decimal percentage) => Round(amount * percentage / 100m);
}
