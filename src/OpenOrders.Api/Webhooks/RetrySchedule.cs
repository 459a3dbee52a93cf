namespace OpenOrders.Api.Webhooks;

/// <summary>
/// When to try a delivery again: at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h, each ±10 %.
/// </summary>
public static class RetrySchedule
{
    public static readonly IReadOnlyList<TimeSpan> Delays =
    [
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10),
        TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ];

    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromHours(24);

    /// <summary>
    /// The delay before attempt number <paramref name="attemptsMade"/> + 1, or null when the schedule is used up.
    /// A receiver's Retry-After is honoured when it asks for longer (up to a day).
    /// </summary>
    public static TimeSpan? NextDelay(int attemptsMade, TimeSpan? retryAfter, Random random)
    {
        if (attemptsMade >= Delays.Count) return null;
        var planned = Delays[attemptsMade];
        var jittered = planned * (0.9 + random.NextDouble() * 0.2);
        return retryAfter is { } asked && asked > jittered ? (asked < MaxRetryAfter ? asked : MaxRetryAfter) : jittered;
    }
}
