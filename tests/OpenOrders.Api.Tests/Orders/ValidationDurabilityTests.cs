using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenOrders.Api.Data;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Work;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;
using static OpenOrders.Api.Tests.Orders.ValidationLeases;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// The validation job survives a worker that dies, and is never done twice. Workers are driven by hand.
/// </summary>
public abstract class ValidationDurabilityTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrdersApp
{
    protected TestWorld World = null!;
    protected TApp App => app;

    public async Task InitializeAsync() => World = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_job_is_written_with_the_order_and_removed_with_the_outcome()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        Assert.True(await app.WithDbAsync(db => db.ValidationJobs.AnyAsync(j => j.OrderId == id)));

        while (await ValidateOnceAsync(app) > 0) { }

        Assert.False(await app.WithDbAsync(db => db.ValidationJobs.AnyAsync(j => j.OrderId == id)));
        Assert.Equal("PendingProvider", (await GetAsync(World.Account, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_job_leased_by_a_worker_that_died_is_taken_again_when_the_lease_expires_and_validated_once()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();

        // A worker leases the job and "dies" before it validates.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.Contains(id, await LeaseJobsAsync(scope, "dead-worker", 100, app.Time));

        // While its lease runs, nobody else takes the job.
        await ValidateOnceAsync(app, "live-worker");
        Assert.Equal("PendingValidation", (await GetAsync(World.Account, id)).GetProperty("status").GetString());

        app.Time.Advance(TimeSpan.FromSeconds(31));
        while (await ValidateOnceAsync(app, "live-worker") > 0) { }

        Assert.Equal("PendingProvider", (await GetAsync(World.Account, id)).GetProperty("status").GetString());
        Assert.Equal(1, await ValidationsOf(id));
    }

    [Fact]
    public async Task A_worker_whose_lease_was_taken_over_does_not_store_its_outcome()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
            await LeaseJobsAsync(scope, "slow-worker", 100, app.Time);
        app.Time.Advance(TimeSpan.FromSeconds(31));
        await using (var scope = app.Services.CreateAsyncScope())
            await LeaseJobsAsync(scope, "new-worker", 100, app.Time);

        // The slow worker wakes up and finishes: its lease is gone, so nothing of its work is kept.
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<OrderValidator>()
                .ValidateAsync(id, "slow-worker", CancellationToken.None));
        Assert.Equal("PendingValidation", (await GetAsync(World.Account, id)).GetProperty("status").GetString());

        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<OrderValidator>()
                .ValidateAsync(id, "new-worker", CancellationToken.None));
        Assert.Equal(1, await ValidationsOf(id));
    }

    [Fact]
    public async Task An_order_changed_while_it_is_validated_goes_back_to_the_queue_and_is_validated_as_it_is_now()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await using (var scope = app.Services.CreateAsyncScope())
            await LeaseJobsAsync(scope, "worker", 100, app.Time);

        // The validator reads the clock after it has read the orders: this clock lets someone change the order then.
        var meddling = new MeddlingClock(app.Time, () => app.WithDbAsync(db =>
            db.Orders.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Version, o => o.Version + 1)))
                .GetAwaiter().GetResult());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var validator = new OrderValidator(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), meddling,
                scope.ServiceProvider.GetRequiredService<OrdersMetrics>(), NullLogger<OrderValidator>.Instance);
            Assert.False(await validator.ValidateAsync(id, "worker", CancellationToken.None));
        }
        Assert.Equal("PendingValidation", (await GetAsync(World.Account, id)).GetProperty("status").GetString());

        // The job was given back, so the next pass takes it without waiting for the lease to run out.
        Assert.Equal(1, await ValidateOnceAsync(app));
        Assert.Equal("PendingProvider", (await GetAsync(World.Account, id)).GetProperty("status").GetString());
        Assert.Equal(1, await ValidationsOf(id));
    }

    private sealed class MeddlingClock(TimeProvider inner, Action meddle) : TimeProvider
    {
        private int readings;

        public override DateTimeOffset GetUtcNow()
        {
            if (Interlocked.Increment(ref readings) == 1) meddle();
            return inner.GetUtcNow();
        }
    }

    /// <summary>How often the order left PendingValidation: one per validation.</summary>
    protected Task<int> ValidationsOf(Guid id) =>
        app.WithDbAsync(db => db.OrderStatusTransitions
            .CountAsync(t => t.OrderId == id && t.FromStatus == OrderStatus.PendingValidation));
}

public sealed class SqliteValidationDurabilityTests(ManualSqliteApp app)
    : ValidationDurabilityTests<ManualSqliteApp>(app);

public sealed class PostgresValidationDurabilityTests(ManualPostgresApp app)
    : ValidationDurabilityTests<ManualPostgresApp>(app)
{
    [Fact]
    public async Task Two_workers_on_one_database_validate_every_order_exactly_once()
    {
        var ids = new List<Guid>();
        for (var i = 0; i < 60; i++)
            ids.Add((await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId,
                i % 2 == 0 ? "SM-1" : "SM-2"))).GetProperty("id").GetGuid());

        var done = new int[2];
        await Task.WhenAll(Enumerable.Range(0, 2).Select(w => Task.Run(async () =>
        {
            int count;
            while ((count = await ValidateOnceInBatchesOf(4, $"instance-{w}")) > 0) done[w] += count;
        })));

        Assert.Equal(60, done.Sum());
        foreach (var id in ids) Assert.Equal(1, await ValidationsOf(id));
        Assert.False(await App.WithDbAsync(db => db.ValidationJobs.AnyAsync(j => ids.Contains(j.OrderId))));
    }

    private async Task<int> ValidateOnceInBatchesOf(int batch, string owner)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var leased = await LeaseJobsAsync(scope, owner, batch, App.Time);
        foreach (var id in leased)
            Assert.True(await scope.ServiceProvider.GetRequiredService<OrderValidator>()
                .ValidateAsync(id, owner, CancellationToken.None));
        return leased.Count;
    }
}

internal static class ValidationLeases
{
    /// <summary>Leases validation jobs as the worker does, for 30 seconds, as the given owner.</summary>
    public static Task<List<Guid>> LeaseJobsAsync(IServiceScope scope, string owner, int max, TimeProvider time) =>
        Leases.TakeAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), ValidationWorker.Jobs, owner, max,
            time.GetUtcNow(), TimeSpan.FromSeconds(30), CancellationToken.None);
}
