using Microsoft.EntityFrameworkCore;

namespace OpenOrders.Api.Work;

/// <summary>
/// The one loop every background worker runs: a pass, again at once while passes find work, housekeeping when it
/// is due, then a sleep until the worker's signal wakes it or <see cref="Interval"/> has passed on the clock. A pass
/// that fails is logged and the next one retries: the work itself is in the database, so nothing is lost.
/// One-shot waits rather than a PeriodicTimer: a clock moved far ahead wakes a worker once, not once per interval.
/// </summary>
public abstract class Worker(TimeProvider time, ILogger log) : BackgroundService
{
    /// <summary>The clock the worker runs on (tests move it).</summary>
    protected TimeProvider Time { get; } = time;

    protected ILogger Log { get; } = log;

    /// <summary>How long to sleep when a pass found nothing; zero or less keeps the worker from starting.</summary>
    protected abstract TimeSpan Interval { get; }

    /// <summary>What wakes the worker before the interval is over; null when only the clock does.</summary>
    protected virtual WorkSignal? Signal => null;

    /// <summary>How often <see cref="HousekeepAsync"/> runs, after a pass.</summary>
    protected virtual TimeSpan HousekeepingEvery => Timeout.InfiniteTimeSpan;

    /// <summary>One pass; answers how much work it found, and while that is more than none the next follows at once.</summary>
    protected abstract Task<int> RunOnceAsync(CancellationToken ct);

    protected virtual Task HousekeepAsync(CancellationToken ct) => Task.CompletedTask;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        var lastHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0) { }
                if (HousekeepingEvery != Timeout.InfiniteTimeSpan
                    && Time.GetUtcNow() - lastHousekeeping >= HousekeepingEvery)
                {
                    await HousekeepAsync(stoppingToken);
                    lastHousekeeping = Time.GetUtcNow();
                }
            }
            catch (DbUpdateConcurrencyException e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.LogWarning(e, "Another instance changed rows this pass wrote; the next pass sees what is left.");
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                Log.LogError(e, "A pass failed; the next one retries after {Interval}.", Interval);
            }
            if (Signal is { } signal) await signal.WaitAsync(Interval, Time, stoppingToken);
            else await Task.Delay(Interval, Time, stoppingToken);
        }
    }
}
