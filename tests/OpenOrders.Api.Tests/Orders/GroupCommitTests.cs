using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// Creates sent together share one commit (the writer lingers in these apps so they do); a bad one among them
/// fails alone, and every number comes from the sequence.
/// </summary>
public abstract class GroupCommitTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Orders_sent_together_are_all_stored_with_distinct_numbers_from_the_sequence()
    {
        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => PostAsync(null, "SM-1")));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var numbers = answers.Select(a => a.Body.GetProperty("orderNumber").GetInt32()).ToList();
        Assert.Equal(40, numbers.Distinct().Count());
        // From the blocks this instance reserved: the first few hundred places of the sequence, not random draws.
        var reserved = await CounterAsync();
        Assert.All(numbers, n => Assert.InRange(OrderNumbers.SequenceOf(n), 0, reserved - 1));
        foreach (var answer in answers)
        {
            var stored = await GetAsync(world.Account, answer.Body.GetProperty("id").GetGuid());
            Assert.Equal(answer.Body.GetProperty("orderNumber").GetInt32(),
                stored.GetProperty("orderNumber").GetInt32());
        }
    }

    [Fact]
    public async Task A_key_shared_within_one_group_fails_alone_and_its_neighbours_commit()
    {
        var key = "group-" + Guid.NewGuid().ToString("N");
        var other = "group-" + Guid.NewGuid().ToString("N");
        var sends = Enumerable.Range(0, 20).Select(_ => PostAsync(null, "SM-1"))
            .Append(PostAsync(key, "SM-1")).Append(PostAsync(key, "SM-1"))   // the same request twice
            .Append(PostAsync(other, "SM-1")).Append(PostAsync(other, "SM-2")); // the same key for another body
        var answers = await Task.WhenAll(sends);

        Assert.All(answers.Take(20), a => Assert.Equal(HttpStatusCode.Created, a.Status));
        var twice = answers.Skip(20).Take(2).ToList();
        Assert.All(twice, a => Assert.Equal(HttpStatusCode.Created, a.Status));
        Assert.Equal(twice[0].Body.GetProperty("id").GetGuid(), twice[1].Body.GetProperty("id").GetGuid());
        Assert.Single(twice, a => a.Replayed);
        var reused = answers.Skip(22).ToList();
        Assert.Single(reused, a => a.Status == HttpStatusCode.Created);
        Assert.Single(reused, a => a.Status == (HttpStatusCode)422);

        var ids = answers.Where(a => a.Status == HttpStatusCode.Created)
            .Select(a => a.Body.GetProperty("id").GetGuid()).Distinct().ToList();
        Assert.Equal(22, ids.Count);
        Assert.Equal(22, await app.WithDbAsync(db => db.Orders.CountAsync(o => ids.Contains(o.Id))));
    }

    [Fact]
    public async Task An_order_number_taken_before_numbers_were_a_sequence_is_skipped_and_the_order_stored()
    {
        var first = (await PostAsync(null, "SM-1")).Body;
        var place = OrderNumbers.SequenceOf(first.GetProperty("orderNumber").GetInt32());
        // As if an older version had drawn the sequence's next number at random for that order.
        var taken = OrderNumbers.ForSequence(place + 1);
        var id = first.GetProperty("id").GetGuid();
        await app.WithDbAsync(db => db.Orders.Where(o => o.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.OrderNumber, taken)));

        var next = await PostAsync(null, "SM-1");

        Assert.Equal(HttpStatusCode.Created, next.Status);
        Assert.Equal(OrderNumbers.ForSequence(place + 2), next.Body.GetProperty("orderNumber").GetInt32());
        Assert.Equal(taken,
            await app.WithDbAsync(db => db.Orders.Where(o => o.Id == id).Select(o => o.OrderNumber).SingleAsync()));
    }

    private Task<long> CounterAsync() =>
        app.WithDbAsync(db => db.Counters.Where(c => c.Name == Counter.OrderNumber).Select(c => c.Value).SingleAsync());

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
}

public sealed class SqliteGroupCommitTests(GroupingSqliteApp app) : GroupCommitTests<GroupingSqliteApp>(app);

public sealed class PostgresGroupCommitTests(GroupingPostgresApp app) : GroupCommitTests<GroupingPostgresApp>(app);
