using System.Threading.RateLimiting;

namespace OpenOrders.Api.Limits;

/// <summary>
/// A token bucket on the service's <see cref="TimeProvider"/>: it holds up to a limit of tokens, full at first, and
/// gains a number of them at each whole period since it was made. The framework's bucket
/// refills on its own timer from the machine's clock, which a test cannot move; this one counts the periods when it
/// is asked, so it needs no timer. No queue: a request that finds no token is refused at once.
/// </summary>
public sealed class ClockTokenBucket : RateLimiter
{
    private static readonly RateLimitLease Granted = new Lease(true, null);

    private readonly int limit;
    private readonly int perPeriod;
    private readonly TimeSpan period;
    private readonly TimeProvider time;
    private readonly long since;
    private readonly Lock gate = new();
    private long periodsCounted;
    private int tokens;
    private TimeSpan lastTaken;

    public ClockTokenBucket(int limit, int perPeriod, TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        (this.limit, this.perPeriod, this.period, this.time) = (limit, perPeriod, period, time);
        since = time.GetTimestamp();
        tokens = limit;
    }

    /// <summary>How long the bucket has been full (the partitioned limiter drops idle buckets).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate)
            {
                var now = Refill();
                return tokens == limit ? now - lastTaken : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (gate)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, limit);
        lock (gate)
        {
            var now = Refill();
            if (tokens >= permitCount)
            {
                tokens -= permitCount;
                if (permitCount > 0) lastTaken = now;
                return Granted;
            }
            // Until the period that brings enough tokens begins.
            var periods = periodsCounted + (permitCount - tokens + perPeriod - 1) / perPeriod;
            return new Lease(false, period * periods - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken ct) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    /// <summary>Adds the tokens of the periods begun since the last count; answers the bucket's age.</summary>
    private TimeSpan Refill()
    {
        var age = time.GetElapsedTime(since);
        var periods = age.Ticks / period.Ticks;
        if (periods > periodsCounted)
        {
            tokens = (int)Math.Min(limit, tokens + (periods - periodsCounted) * perPeriod);
            periodsCounted = periods;
        }
        return age;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter;
            return retryAfter is not null && metadataName == MetadataName.RetryAfter.Name;
        }
    }
}
