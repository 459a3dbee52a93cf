namespace OpenOrders.Api.Work;

/// <summary>
/// When to try failed work again. <see cref="Delays"/>[n] is the wait before attempt n + 1 (the first attempt's is
/// usually zero); once they are used up the work is given up. Each wait is stretched or shrunk at random by up to
/// <c>jitter</c> (0.1 is ±10 %), so work that failed together does not come back together. A receiver that asks
/// for longer (Retry-After) gets its wish, up to <c>longestAsked</c>. Each kind of work keeps its schedule beside it.
/// </summary>
public sealed class RetrySchedule(IReadOnlyList<TimeSpan> delays, double jitter = 0, TimeSpan longestAsked = default)
{
    public IReadOnlyList<TimeSpan> Delays { get; } = delays;

    /// <summary>How many attempts are made before the work is given up.</summary>
    public int MaxAttempts => Delays.Count;

    /// <summary>
    /// The wait before attempt <paramref name="attemptsMade"/> + 1, or null when the schedule is used up.
    /// </summary>
    public TimeSpan? NextDelay(int attemptsMade, TimeSpan? asked = null, Random? random = null)
    {
        if (attemptsMade >= Delays.Count) return null;
        var planned = Delays[attemptsMade];
        var jittered = jitter == 0 ? planned : planned * (1 - jitter + (random ?? Random.Shared).NextDouble() * 2 * jitter);
        if (asked is not { } wish || wish <= jittered || longestAsked <= TimeSpan.Zero) return jittered;
        return wish < longestAsked ? wish : longestAsked;
    }
}
