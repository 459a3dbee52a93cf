using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Bench;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Webhooks;

/// <summary>
/// Retries, leases, the delivery log and replay, with the workers driven by hand and the clock moved by the test.
/// </summary>
public abstract class WebhookDurabilityTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrdersApp
{
    protected TestWorld World = null!;
    protected Receiver Receiver = null!;
    protected TApp App => app;
    private string lastSecret = "";

    public async Task InitializeAsync()
    {
        World = await TestWorld.CreateAsync(app);
        Receiver = await Receiver.StartAsync();
    }

    public async Task DisposeAsync() => await Receiver.DisposeAsync();

    [Fact]
    public async Task A_receiver_answering_500_gets_the_event_again_on_schedule_with_the_same_webhook_id()
    {
        var subscription = await SubscribeAsync(World.Provider);
        Receiver.AnswerNext(500);
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));

        await PassAsync();
        Assert.Single(Receiver.Received);

        app.Time.Advance(TimeSpan.FromSeconds(4)); // the retry is due after 5 s ± 10 %
        await PassAsync();
        Assert.Single(Receiver.Received);

        app.Time.Advance(TimeSpan.FromSeconds(2));
        await PassAsync();
        Assert.Equal(2, Receiver.Received.Count);
        Assert.Equal(Receiver.Received[0].Id, Receiver.Received[1].Id);
        Assert.All(Receiver.Received, w => Assert.True(w.SignatureValid && w.HashValid));

        var log = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries");
        var attempts = log.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal([200, 500], attempts.Select(a => a.GetProperty("statusCode").GetInt32()));
        Assert.Equal("Delivered", attempts[0].GetProperty("deliveryStatus").GetString());
        // The event was delivered in the end: it is not among those still failing, but its failed attempt is on record.
        var failed = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries?failed=true");
        Assert.Empty(failed.GetProperty("items").EnumerateArray());
        var failedAttempts = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries?failedAttempts=true");
        Assert.Equal(500, Assert.Single(failedAttempts.GetProperty("items").EnumerateArray())
            .GetProperty("statusCode").GetInt32());
    }

    [Fact]
    public async Task A_receiver_that_is_not_there_is_recorded_with_the_cause_and_listed_as_still_failing()
    {
        var created = await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = "http://127.0.0.1:9/nobody-listens" });
        var subscription = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();

        var failed = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries?failed=true");
        var attempt = Assert.Single(failed.GetProperty("items").EnumerateArray());
        Assert.Contains("refused", attempt.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("An error occurred while sending the request", attempt.GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_receiver_that_closes_each_connection_it_answered_gets_every_event_at_the_first_attempt()
    {
        // Its close always crosses the next request, as an idle timeout's sometimes does.
        await using var receiver = RawReceiver.Start(ConnectionEnding.CloseCrossing);
        var created = await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = receiver.Url });
        var subscription = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        for (var i = 0; i < 4; i++)
            await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await using (var scope = app.Services.CreateAsyncScope())
            while (await scope.ServiceProvider.GetRequiredService<WebhookFanout>()
                .RunOnceAsync(CancellationToken.None) > 0) { }
        // One delivery a pass: each takes the connection the one before left in the pool.
        var dispatcher = app.Services.GetRequiredService<WebhookDispatcher>();
        while (await dispatcher.RunOnceAsync("test", 1, CancellationToken.None) > 0) { }

        var attempts = await app.WithDbAsync(db => db.WebhookAttempts.Where(a => a.SubscriptionId == subscription)
            .Select(a => new { a.Succeeded, a.Error }).ToListAsync());
        Assert.Equal(4, attempts.Count);
        Assert.All(attempts, a => Assert.True(a.Succeeded, a.Error));
        Assert.Null(await app.WithDbAsync(db => db.WebhookSubscriptions.Where(s => s.Id == subscription)
            .Select(s => s.FailingSince).SingleAsync()));
    }

    [Fact]
    public async Task Subscribing_the_same_webhook_to_the_same_url_twice_is_a_409_naming_the_first()
    {
        var first = await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = Receiver.Url });
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var again = await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = Receiver.Url });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal($"/api/v1/webhook-subscriptions/{id}",
            (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("existingSubscription").GetString());
        // Another webhook to the same URL, and the same webhook for another tenant, are subscriptions of their own.
        Assert.Equal(HttpStatusCode.Created, (await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderModified.Id, callbackUrl = Receiver.Url })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await World.OtherProvider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = Receiver.Url })).StatusCode);
    }

    [Fact]
    public async Task A_delivery_leased_by_a_dispatcher_that_died_is_sent_when_the_lease_expires()
    {
        await SubscribeAsync(World.Provider);
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<WebhookFanout>().RunOnceAsync(CancellationToken.None);
            Assert.NotEmpty(await WebhookDispatcher.LeaseAsync(
                scope.ServiceProvider.GetRequiredService<Data.OrdersDbContext>(), "dead", 100, app.Time.GetUtcNow(),
                TimeSpan.FromSeconds(45), CancellationToken.None));
        }

        await PassAsync();
        Assert.Empty(Receiver.Received);

        app.Time.Advance(TimeSpan.FromSeconds(46));
        await PassAsync();
        Assert.Single(Receiver.Received);
    }

    [Fact]
    public async Task A_410_disables_the_subscription_and_recovery_after_re_enabling_sends_the_failed_events()
    {
        var subscription = await SubscribeAsync(World.Provider);
        var since = app.Time.GetUtcNow();
        Receiver.AnswerNext(410);
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();

        var disabled = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}");
        Assert.False(disabled.GetProperty("isEnabled").GetBoolean());
        Assert.Contains("410", disabled.GetProperty("disabledReason").GetString());

        Assert.Equal(HttpStatusCode.OK,
            (await World.Provider.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/enable", null)).StatusCode);
        var recovered = await World.Provider.PostAsJsonAsync($"/api/v1/webhook-subscriptions/{subscription}/recover",
            new { since });
        Assert.Equal(1, (await recovered.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("rescheduled").GetInt32());
        await PassAsync();

        Assert.Equal(2, Receiver.Received.Count);
        Assert.Equal(Receiver.Received[0].Id, Receiver.Received[1].Id);
    }

    [Fact]
    public async Task Disabling_by_hand_fails_what_is_pending_and_recovery_after_enabling_sends_it()
    {
        var subscription = await SubscribeAsync(World.Provider);
        var since = app.Time.GetUtcNow();
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<WebhookFanout>().RunOnceAsync(CancellationToken.None);
        var url = $"/api/v1/webhook-subscriptions/{subscription}";

        Assert.Equal(HttpStatusCode.NotFound, (await World.OtherProvider.PostAsync($"{url}/disable", null)).StatusCode);
        var disabled = await World.Provider.PostAsync($"{url}/disable", null);
        Assert.Equal(HttpStatusCode.OK, disabled.StatusCode);
        var state = await disabled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(state.GetProperty("isEnabled").GetBoolean());
        Assert.StartsWith("Disabled by ", state.GetProperty("disabledReason").GetString());
        Assert.Equal(DeliveryStatus.Failed, await app.WithDbAsync(db =>
            db.WebhookDeliveries.Where(d => d.SubscriptionId == subscription).Select(d => d.Status).SingleAsync()));

        // Nothing is sent while disabled, and later changes make no deliveries for it.
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();
        Assert.Empty(Receiver.Received);

        Assert.Equal(HttpStatusCode.OK, (await World.Provider.PostAsync($"{url}/enable", null)).StatusCode);
        var recovered = await World.Provider.PostAsJsonAsync($"{url}/recover", new { since });
        Assert.Equal(1, (await recovered.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("rescheduled").GetInt32());
        await PassAsync();
        Assert.True(Assert.Single(Receiver.Received).SignatureValid);
    }

    [Fact]
    public async Task The_consoles_delivery_log_pages_newest_first_without_repeats_and_filters_by_state()
    {
        var subscription = await SubscribeAsync(World.Provider);
        for (var i = 0; i < WebhookDeliveryLog.PageSize + 1; i++)
            await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();
        var provider = new Caller("log-test", Role.Provider, World.ProviderId);

        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<WebhookDeliveryLog>();
        var first = (await log.PageAsync(subscription, null, null, provider, CancellationToken.None))!;
        var second = (await log.PageAsync(subscription, null, first.Older, provider, CancellationToken.None))!;
        Assert.Equal(WebhookDeliveryLog.PageSize, first.Deliveries.Count);
        var all = first.Deliveries.Concat(second.Deliveries).Select(d => d.Delivery.ChangePosition).ToList();
        Assert.Equal(WebhookDeliveryLog.PageSize + 1, all.Distinct().Count());
        Assert.Equal(all.OrderDescending(), all);
        Assert.Null(second.Older);
        var oldest = Assert.Single(second.Deliveries);
        Assert.Equal(200, Assert.Single(oldest.Attempts).StatusCode);
        Assert.NotNull(oldest.OrderNumber);

        var ct = CancellationToken.None;
        Assert.Equal(WebhookDeliveryLog.PageSize,
            (await log.PageAsync(subscription, DeliveryStatus.Delivered, null, provider, ct))!.Deliveries.Count);
        Assert.Empty((await log.PageAsync(subscription, DeliveryStatus.Failed, null, provider, ct))!.Deliveries);
        var other = new Caller("log-test", Role.Provider, World.OtherProviderId);
        Assert.Null(await log.PageAsync(subscription, null, null, other, CancellationToken.None));
    }

    [Fact]
    public async Task A_subscription_failing_for_five_days_is_disabled()
    {
        var subscription = await SubscribeAsync(World.Provider);
        Receiver.AnswerNext(Enumerable.Repeat(503, 20).ToArray());
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();
        for (var day = 0; day < 6; day++)
        {
            app.Time.Advance(TimeSpan.FromHours(26));
            await PassAsync();
        }
        var state = await World.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/webhook-subscriptions/{subscription}");
        Assert.False(state.GetProperty("isEnabled").GetBoolean());
        Assert.Contains("5 days", state.GetProperty("disabledReason").GetString());
    }

    [Fact]
    public async Task One_event_can_be_redelivered_with_its_webhook_id()
    {
        var subscription = await SubscribeAsync(World.Provider);
        await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await PassAsync();
        var log = await World.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries");
        var deliveryId = log.GetProperty("items")[0].GetProperty("deliveryId").GetGuid();

        var response = await World.Provider.PostAsync(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries/{deliveryId}/redeliver", null);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await PassAsync();

        Assert.Equal(2, Receiver.Received.Count);
        Assert.Equal(Receiver.Received[0].Id, Receiver.Received[1].Id);
        Assert.Equal(HttpStatusCode.NotFound, (await World.OtherProvider.PostAsync(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries/{deliveryId}/redeliver", null)).StatusCode);
    }

    [Fact]
    public async Task During_a_rotation_deliveries_carry_both_signatures()
    {
        var subscription = await SubscribeAsync(World.Provider);
        var oldSecret = lastSecret;
        var rotated = await (await World.Provider.PostAsync(
                $"/api/v1/webhook-subscriptions/{subscription}/rotate-secret", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        var newSecret = rotated.GetProperty("sharedSecret").GetString()!;
        Assert.NotEqual(oldSecret, newSecret);

        var test = await (await World.Provider.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/test", null))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(test.GetProperty("succeeded").GetBoolean());
        Assert.Equal(200, test.GetProperty("statusCode").GetInt32());

        var received = Assert.Single(Receiver.Received);
        Assert.Equal(2, received.Signature.Split(' ').Length);
        Assert.True(received.SignatureValid); // with the old secret the receiver still knows
        Receiver.ForgetSecrets();
        Receiver.AddSecret(newSecret);
        app.Time.Advance(TimeSpan.FromHours(25));
        await World.Provider.PostAsync($"/api/v1/webhook-subscriptions/{subscription}/test", null);
        var afterOverlap = Receiver.Received[^1];
        Assert.Single(afterOverlap.Signature.Split(' '));
        Assert.True(afterOverlap.SignatureValid && afterOverlap.HashValid);
    }

    [Fact]
    public async Task Bad_subscriptions_are_400_and_other_tenants_cannot_see_a_subscription()
    {
        foreach (var (body, property) in new (object, string)[]
        {
            (new { webhookId = Guid.NewGuid(), callbackUrl = Receiver.Url }, "webhookId"),
            (new { webhookId = Webhook.OrderCreated.Id, callbackUrl = "/relative/path" }, "callbackUrl"),
            (new { webhookId = Webhook.OrderCreated.Id, callbackUrl = "ftp://example.com/x" }, "callbackUrl"),
            (new { webhookId = Webhook.OrderCreated.Id, callbackUrl = Receiver.Url, sharedSecret = "short" },
                "sharedSecret"),
        })
        {
            var response = await World.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions", body);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
                .TryGetProperty(property, out _), property);
        }
        var subscription = await SubscribeAsync(World.Provider);
        Assert.Equal(HttpStatusCode.NotFound,
            (await World.OtherProvider.GetAsync($"/api/v1/webhook-subscriptions/{subscription}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await World.Account.DeleteAsync($"/api/v1/webhook-subscriptions/{subscription}")).StatusCode);
    }

    protected async Task<Guid> SubscribeAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = Receiver.Url });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        lastSecret = body.GetProperty("sharedSecret").GetString()!;
        Receiver.AddSecret(lastSecret);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>One pass of the webhook worker: fan out, then send what is due.</summary>
    protected async Task<int> PassAsync(string owner = "test")
    {
        var count = 0;
        int done;
        while ((done = await WebhookWorker.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
                app.Services.GetRequiredService<WebhookDispatcher>(), owner, CancellationToken.None)) > 0)
            count += done;
        return count;
    }
}

public sealed class SqliteWebhookDurabilityTests(ManualSqliteApp app) : WebhookDurabilityTests<ManualSqliteApp>(app);

public sealed class PostgresWebhookDurabilityTests(ManualPostgresApp app)
    : WebhookDurabilityTests<ManualPostgresApp>(app)
{
    [Fact]
    public async Task Two_dispatchers_on_one_database_make_each_attempt_once()
    {
        var subscription = await SubscribeAsync(World.Provider);
        for (var i = 0; i < 30; i++)
            await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1"));
        await using (var scope = App.Services.CreateAsyncScope())
            while (await scope.ServiceProvider.GetRequiredService<WebhookFanout>()
                .RunOnceAsync(CancellationToken.None) > 0) { }
        Assert.Equal(30, await App.WithDbAsync(db => db.WebhookDeliveries
            .CountAsync(d => d.SubscriptionId == subscription)));

        var dispatcher = App.Services.GetRequiredService<WebhookDispatcher>();
        await Task.WhenAll(Enumerable.Range(0, 2).Select(i => Task.Run(async () =>
        {
            while (await dispatcher.RunOnceAsync($"instance-{i}", 3, CancellationToken.None) > 0) { }
        })));

        Assert.Equal(30, Receiver.Received.Count);
        Assert.Equal(30, Receiver.Received.Select(w => w.Id).Distinct().Count());
        Assert.Equal(30, await App.WithDbAsync(db => db.WebhookAttempts
            .CountAsync(a => a.SubscriptionId == subscription)));
    }
}

/// <summary>The production rules for callback URLs: https only, and no internal addresses.</summary>
public sealed class CallbackUrlRulesTests(StrictWebhooksApp app) : IClassFixture<StrictWebhooksApp>
{
    [Theory]
    [InlineData("http://example.com/hooks", "https")]
    [InlineData("https://127.0.0.1/hooks", "internal")]
    [InlineData("https://10.0.0.5/hooks", "internal")]
    [InlineData("https://[::1]/hooks", "internal")]
    [InlineData("https://169.254.169.254/latest/meta-data", "internal")]
    [InlineData("https://localhost/hooks", "internal")]
    [InlineData("https://[::127.0.0.1]/hooks", "internal")]
    [InlineData("https://[::ffff:0:127.0.0.1]/hooks", "internal")]
    [InlineData("https://[64:ff9b::127.0.0.1]/hooks", "internal")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data", "internal")]
    [InlineData("https://[64:ff9b::a00:1]/hooks", "internal")]
    [InlineData("https://[2002:7f00:1::]/hooks", "internal")]
    [InlineData("https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks", "internal")]
    [InlineData("https://[fec0::1]/hooks", "internal")]
    public async Task A_callback_that_is_not_https_or_points_inwards_is_400(string url, string reason)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .GetProperty("callbackUrl")[0].GetString();
        Assert.Contains(reason, message);
        Assert.Equal(0, await app.WithDbAsync(db => db.WebhookSubscriptions.CountAsync(s => s.CallbackUrl == url)));
    }

    [Theory]
    [InlineData("https://[::127.0.0.1]/hooks")]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/latest/meta-data")]
    [InlineData("https://[2002:a00:1::]/hooks")]
    public async Task The_connection_refuses_an_ipv6_form_of_an_internal_ipv4_address(string url)
    {
        // A subscription stored before the rules tightened: refused before a packet is sent.
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendAsync(new WebhookSubscription
            {
                Id = Guid.NewGuid(), CallbackUrl = url, Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
            },
            "msg_x", Webhook.OrderCreated, "https://example.com", null, [], CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("Refused to connect", result.Error);
    }

    [Fact]
    public async Task The_connection_itself_refuses_an_internal_address()
    {
        // A subscription stored before the rules tightened (or a name that now resolves inwards) is refused when
        // connecting.
        await using var receiver = await Receiver.StartAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var result = await sender.SendAsync(new WebhookSubscription
            {
                Id = Guid.NewGuid(), CallbackUrl = receiver.Url, Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
            },
            "msg_x", Webhook.OrderCreated, "https://example.com", null, [], CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.Contains("internal", result.Error);
        Assert.Empty(receiver.Received);
    }
}
