namespace OpenOrders.Domain.Pricing;

/// <summary>Euro amounts: decimals, rounded half away from zero to cents.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>A percentage of an amount, rounded to cents.</summary>
    public static decimal Percentage(decimal amount, decimal percentage) => Round(amount * percentage / 100m);
}
