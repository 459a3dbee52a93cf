using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// The order writer's paths, each taken on purpose: the writer of these apps lingers on the app's clock, so the
/// creates a test sends wait until all of them are with the writer and the test moves the clock; they are then one
/// group. Which commits were made is read from the writer's own meter (orders per commit).
/// </summary>
public abstract class GroupCommitTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;
    private CommitMeter commits = null!;

    public async Task InitializeAsync()
    {
        world = await TestWorld.CreateAsync(app);
        commits = new CommitMeter(app);
    }

    public Task DisposeAsync()
    {
        commits.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Creates_that_wait_together_are_one_commit_with_numbers_from_the_sequence()
    {
        var answers = await TogetherAsync(() => PostAsync(null, "SM-1"), () => PostAsync(null, "SM-2"),
            () => PostAsync(null, "SM-3"));

        Assert.Equal([3], commits.Sizes);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var ids = answers.Select(a => a.Body.GetProperty("id").GetGuid()).ToList();
        var stored = await app.WithDbAsync(db =>
            db.Orders.Where(o => ids.Contains(o.Id)).Select(o => o.OrderNumber).ToListAsync());
        Assert.Equal(answers.Select(a => a.Body.GetProperty("orderNumber").GetInt32()).Order(), stored.Order());
        Assert.Equal(3, stored.Distinct().Count());
        // From the blocks this instance reserved: the first places of the sequence, not random draws.
        var reserved = await app.WithDbAsync(db =>
            db.Counters.Where(c => c.Name == Counter.OrderNumber).Select(c => c.Value).SingleAsync());
        Assert.All(stored, n => Assert.InRange(OrderNumbers.SequenceOf(n), 0, reserved - 1));
    }

    [Fact]
    public async Task A_key_repeated_within_a_group_is_written_after_it_and_answered_as_the_first()
    {
        var key = "group-" + Guid.NewGuid().ToString("N");
        var answers = await TogetherAsync(() => PostAsync(key, "SM-1"), () => PostAsync(key, "SM-1"),
            () => PostAsync(null, "SM-1"));

        // The repeat was taken out before the write: the group of two committed, the repeat found the key taken.
        Assert.Equal([2], commits.Sizes);
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var keyed = answers.Take(2).ToList();
        Assert.Equal(keyed[0].Body.GetProperty("id").GetGuid(), keyed[1].Body.GetProperty("id").GetGuid());
        Assert.Single(keyed, a => a.Replayed);
        var ids = answers.Select(a => a.Body.GetProperty("id").GetGuid()).Distinct().ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.Orders.CountAsync(o => ids.Contains(o.Id))));
    }

    [Fact]
    public async Task A_group_the_database_refuses_is_written_order_by_order_and_only_the_bad_order_is_refused()
    {
        var key = "taken-" + Guid.NewGuid().ToString("N");
        var answers = await TogetherAsync(
            // While the three wait, another instance stores the same key for another body (PostgreSQL, several
            // instances): the handler's look-up found nothing, so only the group's insert meets it.
            beforeCommit: () => app.WithDbAsync(async db =>
            {
                var client = await db.ApiClients
                    .SingleAsync(c => c.TenantId == world.AccountId && c.Role == Role.Account);
                var now = app.Time.GetUtcNow();
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    ClientId = client.ClientId, Key = key, RequestHash = "another body", StatusCode = 201,
                    ResponseBody = "{}", DateCreated = now, ExpiresAt = now + Idempotency.KeptFor,
                });
                return await db.SaveChangesAsync();
            }),
            () => PostAsync(null, "SM-1"), () => PostAsync(key, "SM-1"), () => PostAsync(null, "SM-2"));

        Assert.Equal([1, 1], commits.Sizes); // no group of three: each order alone
        Assert.Equal(HttpStatusCode.Created, answers[0].Status);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, answers[1].Status); // the stored key, another body
        Assert.Equal(HttpStatusCode.Created, answers[2].Status);
        var ids = new[] { answers[0], answers[2] }.Select(a => a.Body.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.Orders.CountAsync(o => ids.Contains(o.Id))));
    }

    [Fact]
    public async Task A_group_that_fails_before_the_database_is_written_order_by_order_too()
    {
        // Two orders with one id: the change tracker refuses the group before any SQL is sent.
        var twin = Guid.CreateVersion7(app.Time.GetUtcNow());
        var writer = app.Services.GetRequiredService<OrderWriter>();
        var writes = new[] { NewWrite(twin), NewWrite(twin), NewWrite(Guid.CreateVersion7(app.Time.GetUtcNow())) };
        var failures = await TogetherAsync(writes.Select(write => (Func<Task<Exception?>>)(async () =>
        {
            try
            {
                await writer.WriteAsync(write, CancellationToken.None);
                return null;
            }
            catch (Exception e)
            {
                return e;
            }
        })).ToArray());

        Assert.Equal([1, 1], commits.Sizes);
        // The twin written second is refused by the database; its neighbour is stored.
        Assert.IsType<DbUpdateException>(Assert.Single(failures, f => f is not null));
        Assert.Null(failures[2]);
        var ids = writes.Select(w => w.Order.Id).Distinct().ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.Orders.CountAsync(o => ids.Contains(o.Id))));
    }

    /// <summary>
    /// Starts the sends, waits until the writer holds all of them (it lingers on the app's clock, and fewer than
    /// four never make it write at once), runs <paramref name="beforeCommit"/>, then moves the clock until all are
    /// answered: they were one group.
    /// </summary>
    private async Task<T[]> TogetherAsync<T>(Func<Task<int>>? beforeCommit, params Func<Task<T>>[] sends)
    {
        Assert.InRange(sends.Length, 1, 3);
        var writer = app.Services.GetRequiredService<OrderWriter>();
        Assert.Equal(0, writer.Waiting);
        var all = Task.WhenAll(sends.Select(send => send()));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (writer.Waiting < sends.Length && !all.IsCompleted)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Only {writer.Waiting} of {sends.Length} creates reached it.");
            await Task.Delay(5);
        }
        if (beforeCommit is not null) await beforeCommit();
        while (!all.IsCompleted)
        {
            app.Time.Advance(TimeSpan.FromSeconds(1)); // past the linger, whenever its delay was set
            await Task.WhenAny(all, Task.Delay(20));
        }
        return await all;
    }

    private Task<T[]> TogetherAsync<T>(params Func<Task<T>>[] sends) => TogetherAsync(null, sends);

    private NewOrderWrite NewWrite(Guid id)
    {
        var body = JsonSerializer.Deserialize<CreateOrderRequest>(
            GuideBody(world.AccountId, world.CourseId, "SM-1"), OrdersApp.Json)!;
        var caller = new Caller("group-commit-test", Role.Account, world.AccountId);
        return new NewOrderWrite(Order.Create(body.ToNewOrder(caller, id, world.ProviderId), app.Time.GetUtcNow()),
            "http://localhost", null);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body, bool Replayed)> PostAsync(
        string? key, string startMoment)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            { Content = JsonBody(GuideBody(world.AccountId, world.CourseId, startMoment)) };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        var response = await world.Account.SendAsync(request);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return (response.StatusCode, body, response.Headers.Contains("Idempotent-Replayed"));
    }

    /// <summary>The sizes of the commits this app's writer makes from now on, from its own meter.</summary>
    private sealed class CommitMeter : IDisposable
    {
        private readonly MeterListener listener = new();
        private readonly ConcurrentQueue<int> sizes = new();

        public CommitMeter(OrdersApp app)
        {
            var meters = app.Services.GetRequiredService<IMeterFactory>();
            listener.InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Scope == meters && instrument.Meter.Name == OrdersMetrics.MeterName
                        && instrument.Name == "openorders.orders.per_commit")
                    l.EnableMeasurementEvents(instrument);
            };
            listener.SetMeasurementEventCallback<int>((_, size, _, _) => sizes.Enqueue(size));
            listener.Start();
        }

        public IReadOnlyList<int> Sizes => [.. sizes];

        public void Dispose() => listener.Dispose();
    }
}

public sealed class SqliteGroupCommitTests(GroupingSqliteApp app) : GroupCommitTests<GroupingSqliteApp>(app);

public sealed class PostgresGroupCommitTests(GroupingPostgresApp app) : GroupCommitTests<GroupingPostgresApp>(app);
