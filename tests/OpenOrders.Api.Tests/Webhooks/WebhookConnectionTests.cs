using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;
using OpenOrders.Bench;

namespace OpenOrders.Api.Tests.Webhooks;

/// <summary>
/// Healthy receivers that end their connections their own way (real sockets on loopback) get every delivery at
/// the first attempt: a connection the receiver closed while it waited in the pool is no failure of the receiver.
/// The long version, through the whole service and with a 1 s idle timeout: bench/webhooks.
/// </summary>
public sealed class WebhookConnectionTests(ManualSqliteApp app) : IClassFixture<ManualSqliteApp>
{
    // A delivery about the size of an order's (3.6 KB at the median in bench/webhooks).
    private static readonly object EventData = new { filler = new string('x', 3200) };

    [Theory]
    [InlineData(ConnectionEnding.CloseCrossing)]
    [InlineData(ConnectionEnding.CloseUnsaid)]
    [InlineData(ConnectionEnding.CloseSaid)]
    [InlineData(ConnectionEnding.IdleTimeout)]
    public async Task A_receiver_that_ends_connections_its_own_way_gets_every_delivery_at_the_first_attempt(
        ConnectionEnding ending)
    {
        await using var receiver = RawReceiver.Start(ending, idleTimeout: TimeSpan.FromMilliseconds(5));
        var failures = new List<string>();
        var sent = 0;
        // One at a time (each reuses what the last left in the pool), then in bursts as the dispatcher sends them.
        for (var i = 0; i < 40; i++, sent++)
        {
            if (ending == ConnectionEnding.IdleTimeout) await Task.Delay(i % 8); // around the receiver's 5 ms
            failures.AddRange(await SendAsync(receiver.Url, [$"msg_{sent}"]));
        }
        for (var burst = 0; burst < 5; burst++, sent += 16)
            failures.AddRange(await SendAsync(receiver.Url, [.. Enumerable.Range(sent, 16).Select(n => $"msg_{n}")]));

        Assert.True(failures.Count == 0, Described(failures, sent));
        Assert.Equal(sent, receiver.Received.Select(r => r.WebhookId).Distinct().Count());
        if (ending == ConnectionEnding.CloseCrossing) Assert.True(receiver.Reset > 0, "No close crossed a request.");
    }

    [Fact]
    public async Task A_receiver_restarted_between_deliveries_gets_every_delivery_at_the_first_attempt()
    {
        await using var receiver = RawReceiver.Start(ConnectionEnding.KeepAlive);
        var failures = new List<string>();
        for (var round = 0; round < 6; round++)
        {
            failures.AddRange(
                await SendAsync(receiver.Url, [.. Enumerable.Range(16 * round, 16).Select(n => $"msg_{n}")]));
            await receiver.RestartAsync();
        }
        Assert.True(failures.Count == 0, Described(failures, 96));
        Assert.Equal(96, receiver.Received.Select(r => r.WebhookId).Distinct().Count());
    }

    [Fact]
    public async Task A_receiver_that_closes_a_new_connection_without_answering_fails_the_attempt_once()
    {
        await using var receiver = RawReceiver.Start(ConnectionEnding.NoAnswer);
        var failures = await SendAsync(receiver.Url, ["msg_1"]);
        Assert.Equal("The response ended prematurely. (ResponseEnded) [ConnectionClosed]", Assert.Single(failures));
        Assert.Single(receiver.Received); // a new connection's failure is the receiver's: not sent again
    }

    [Fact]
    public async Task The_second_try_goes_over_a_new_connection_every_time()
    {
        await using var receiver = RawReceiver.Start(ConnectionEnding.KeepAlive);
        var client = app.Services.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookSender.FreshClientName);
        for (var i = 0; i < 3; i++)
            (await client.PostAsync(receiver.Url, new StringContent("{}"))).EnsureSuccessStatusCode();
        Assert.Equal(3, receiver.Connections);
    }

    private static string Described(List<string> failures, int sent) => $"{failures.Count} of {sent} failed: "
        + string.Join("; ", failures.CountBy(f => f).Select(f => $"{f.Value} × {f.Key}"));

    /// <summary>
    /// Sends these deliveries at once, as one pass of the dispatcher does; the failures' errors, each with its kind.
    /// </summary>
    private async Task<List<string>> SendAsync(string url, string[] messageIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(), CallbackUrl = url, Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        };
        var results = await Task.WhenAll(messageIds.Select(id => sender.SendAsync(subscription, id,
            Webhook.OrderCreated, "https://example.com/api/v1/orders/1", EventData, [], CancellationToken.None)));
        return [.. results.Where(r => !r.Succeeded).Select(r => $"{r.Error ?? $"HTTP {r.StatusCode}"} [{r.Failure}]")];
    }
}
