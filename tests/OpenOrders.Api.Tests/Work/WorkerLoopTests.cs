using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Tests.Work;

/// <summary>
/// The loop every background worker runs (<see cref="Worker"/>), driven by a fake clock: it drains while passes
/// find work, sleeps until its signal or the interval, survives a failing pass, and housekeeps on its own schedule.
/// </summary>
public sealed class WorkerLoopTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_pass_that_finds_work_is_followed_at_once_until_one_finds_none()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = new CountingWorker(time, work: [3, 2, 1, 0]);
        await worker.StartAsync(CancellationToken.None);
        await Until(() => worker.Sleeps == 1);
        Assert.Equal(4, worker.Passes); // it went to sleep only after the pass that found none
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_sleeping_worker_wakes_on_its_signal_or_when_the_interval_has_passed_on_the_clock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = new CountingWorker(time, work: []);
        await worker.StartAsync(CancellationToken.None);
        await Until(() => worker.Sleeps == 1);

        worker.Wake.Notify();
        await Until(() => worker.Sleeps == 2);
        Assert.Equal(2, worker.Passes);

        time.Advance(TimeSpan.FromSeconds(59)); // the fake clock fires due timers inside Advance: none is due yet
        Assert.Equal(2, worker.Passes);
        await Until(() => worker.Passes >= 3, time, TimeSpan.FromSeconds(1));
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_pass_does_not_stop_the_worker_and_the_next_one_runs()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = new CountingWorker(time, work: [], failFirst: true);
        await worker.StartAsync(CancellationToken.None);
        await Until(() => worker.Passes == 1);
        worker.Wake.Notify();
        await Until(() => worker.Passes == 2);
        Assert.Equal(1, worker.Failures);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Housekeeping_runs_after_the_first_pass_and_then_only_when_it_is_due_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var worker = new CountingWorker(time, work: []);
        await worker.StartAsync(CancellationToken.None);
        await Until(() => worker.Housekeeping == 1);
        for (var i = 0; i < 3; i++)
        {
            worker.Wake.Notify();
            await Until(() => worker.Passes == i + 2);
        }
        Assert.Equal(1, worker.Housekeeping);
        await Until(() => worker.Housekeeping >= 2, time, TimeSpan.FromHours(1));
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_worker_with_no_interval_does_not_start()
    {
        var worker = new CountingWorker(new FakeTimeProvider(), work: [], interval: TimeSpan.Zero);
        await worker.StartAsync(CancellationToken.None);
        await worker.ExecuteTask!.WaitAsync(Deadline);
        Assert.Equal(0, worker.Passes);
        await worker.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void A_schedule_gives_its_delays_in_turn_and_none_once_they_are_used_up()
    {
        var schedule = new RetrySchedule([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4)]);
        Assert.Equal(3, schedule.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(1), schedule.NextDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(4), schedule.NextDelay(2, asked: TimeSpan.FromHours(1))); // none honoured
        Assert.Null(schedule.NextDelay(3));
    }

    /// <summary>
    /// Polls until the condition holds, moving the fake clock by <paramref name="step"/> each time when given one (the
    /// worker may not have set its sleep's timer yet when the clock first moves).
    /// </summary>
    private static async Task Until(Func<bool> condition, FakeTimeProvider? time = null, TimeSpan step = default)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until) throw new TimeoutException("The worker did not get there in time.");
            time?.Advance(step);
            await Task.Delay(10);
        }
    }

    private sealed class CountingWorker(FakeTimeProvider time, int[] work, bool failFirst = false,
        TimeSpan? interval = null) : Worker(time, NullLogger.Instance)
    {
        private int passes, failures, housekeeping, intervalReads;
        public int Passes => Volatile.Read(ref passes);

        /// <summary>How often it went to sleep: the loop reads the interval once to start and once per sleep.</summary>
        public int Sleeps => Math.Max(0, Volatile.Read(ref intervalReads) - 1);
        public int Failures => Volatile.Read(ref failures);
        public int Housekeeping => Volatile.Read(ref housekeeping);
        public WorkSignal Wake { get; } = new();

        protected override TimeSpan Interval
        {
            get
            {
                Interlocked.Increment(ref intervalReads);
                return interval ?? TimeSpan.FromMinutes(1);
            }
        }
        protected override WorkSignal Signal => Wake;
        protected override TimeSpan HousekeepingEvery => TimeSpan.FromHours(1);

        protected override Task<int> RunOnceAsync(CancellationToken ct)
        {
            var pass = Interlocked.Increment(ref passes);
            if (failFirst && pass == 1)
            {
                Interlocked.Increment(ref failures);
                throw new InvalidOperationException("The database went away for a moment.");
            }
            return Task.FromResult(pass <= work.Length ? work[pass - 1] : 0);
        }

        protected override Task HousekeepAsync(CancellationToken ct)
        {
            Interlocked.Increment(ref housekeeping);
            return Task.CompletedTask;
        }
    }
}
