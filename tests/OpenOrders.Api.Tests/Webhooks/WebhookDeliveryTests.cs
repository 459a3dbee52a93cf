using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Bench;
using OpenOrders.Api.Webhooks;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Webhooks;

/// <summary>The guide's flow with a subscribed provider: the receiver gets every event, verifiably signed.</summary>
public abstract class WebhookFlowTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;
    private Receiver receiver = null!;

    public async Task InitializeAsync()
    {
        world = await TestWorld.CreateAsync(app);
        receiver = await Receiver.StartAsync();
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_provider_subscribes_creates_and_accepts_and_hears_created_and_modified_with_valid_signatures()
    {
        foreach (var webhook in new[] { Webhook.OrderCreated, Webhook.OrderModified, Webhook.StatusTransitionCreated })
            receiver.AddSecret(await SubscribeAsync(world.Provider, webhook.Id, receiver.Url));

        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await CompleteOrderLinesAsync(world.Provider, await WaitUntilValidatedAsync(world.Provider, id));
        var accept = await TransitionAsync(world.Provider, id, new { status = "AcceptedByProvider" });
        Assert.Equal(HttpStatusCode.Created, accept.StatusCode);
        var acceptedTransition = (await accept.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        bool IsAcceptance(ReceivedWebhook w) => w.Json.GetProperty("urlReference").GetString()!
            .EndsWith($"/api/v1/order-status-transitions/{acceptedTransition}");

        static bool IsLinesModified(ReceivedWebhook w) =>
            w.Action == "Modified"
                && w.Json.GetProperty("modifiedFields").EnumerateArray().Any(f => f.GetString() == "orderLines");

        // Subscriptions deliver independently, so the line change may arrive after the acceptance.
        var got = await receiver.WaitForAsync(r => r.Any(IsAcceptance) && r.Any(IsLinesModified));
        Assert.All(got, w => Assert.True(w.SignatureValid && w.HashValid,
            $"{w.Action} {w.Resource}: signature {w.SignatureValid}, hash {w.HashValid}"));
        var created = Assert.Single(got, w => w.Resource == "orders" && w.Action == "Created");
        Assert.Equal(id, created.Json.GetProperty("eventData").GetProperty("id").GetGuid());
        Assert.Equal($"http://localhost:5080/api/v1/orders/{id}", created.Json.GetProperty("urlReference").GetString());
        var accepted = got.Single(IsAcceptance);
        Assert.Equal("order-status-transitions", accepted.Resource);
        Assert.Equal("AcceptedProvider", Status(accepted));
        Assert.True(accepted.Json.GetProperty("eventData").GetProperty("version").GetInt32() > 1);
        Assert.Equal(got.Count, got.Select(w => w.Id).Distinct().Count());
    }

    [Fact]
    public async Task A_subscription_of_one_provider_never_hears_about_another_providers_orders()
    {
        receiver.AddSecret(await SubscribeAsync(world.OtherProvider, Webhook.OrderCreated.Id, receiver.Url));
        await using var mine = await Receiver.StartAsync();
        mine.AddSecret(await SubscribeAsync(world.Provider, Webhook.OrderCreated.Id, mine.Url));

        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();

        await mine.WaitForAsync(r => r.Any(w => w.Json.GetProperty("eventData").GetProperty("id").GetGuid() == id));
        await using (var scope = app.Services.CreateAsyncScope())
            await WebhookWorker.RunOnceAsync(scope.ServiceProvider.GetRequiredService<IServiceScopeFactory>(),
                scope.ServiceProvider.GetRequiredService<WebhookDispatcher>(), "test", CancellationToken.None);
        Assert.DoesNotContain(receiver.Received,
            w => w.Json.GetProperty("eventData").GetProperty("id").GetGuid() == id);
    }

    [Fact]
    public async Task The_events_feed_gives_the_same_events_to_the_tenant_in_order()
    {
        var before = await world.Provider.GetFromJsonAsync<JsonElement>("/api/v1/events");
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        List<JsonElement> mine;
        do
        {
            var page = await world.Provider.GetFromJsonAsync<JsonElement>(
                $"/api/v1/events?after={before.GetProperty("next").GetString()}");
            mine = [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("orderId").GetGuid() == id)];
            if (mine.Any(e => e.GetProperty("resource").GetString() == "order-status-transitions"
                && e.GetProperty("version").GetInt32() >= 2)) break;
            Assert.True(DateTime.UtcNow < deadline, "The events feed did not show the validation in time.");
            await Task.Delay(10);
        } while (true);

        Assert.Equal("Created", mine[0].GetProperty("action").GetString());
        Assert.Empty(await EventsOf(world.OtherProvider, id));
        Assert.Empty(await EventsOf(world.OtherAccount, id));
        Assert.NotEmpty(await EventsOf(world.Account, id));
    }

    private static async Task<List<JsonElement>> EventsOf(HttpClient client, Guid orderId) =>
        [.. (await client.GetFromJsonAsync<JsonElement>("/api/v1/events?limit=500")).GetProperty("items")
            .EnumerateArray().Where(e => e.GetProperty("orderId").GetGuid() == orderId)];

    private static string? Status(ReceivedWebhook w) =>
        w.Json.GetProperty("eventData").ValueKind == JsonValueKind.Object
            ? w.Json.GetProperty("eventData").GetProperty("status").GetString()
            : null;

    public static async Task<string> SubscribeAsync(HttpClient client, Guid webhookId, string url,
        string? secret = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId, callbackUrl = url, sharedSecret = secret });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("sharedSecret").GetString()!;
    }
}

public sealed class SqliteWebhookFlowTests(SqliteApp app) : WebhookFlowTests<SqliteApp>(app);

public sealed class PostgresWebhookFlowTests(PostgresApp app) : WebhookFlowTests<PostgresApp>(app);
