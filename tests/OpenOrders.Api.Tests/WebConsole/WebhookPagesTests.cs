using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Audit;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;
using OpenOrders.Bench;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// A provider's webhooks through the console in a real browser, against a real receiver: subscribe, see the secret
/// once, test, watch a delivery fail through its whole schedule, redeliver it. Each step is checked over the API too.
/// </summary>
public abstract class WebhookPagesTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : ConsoleApp
{
    private const string Maintenance = "Receiver is down for maintenance";

    private TestWorld world = null!;
    private Receiver receiver = null!;

    public async Task InitializeAsync()
    {
        world = await TestWorld.CreateAsync(app);
        receiver = await Receiver.StartAsync();
    }

    public async Task DisposeAsync() => await receiver.DisposeAsync();

    [Fact]
    public async Task A_provider_subscribes_tests_sees_a_delivery_fail_and_redelivers_it()
    {
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url("/console/webhooks"));

        // The API's own checks, in the API's words, next to the field.
        await page.Locator("#webhookId").SelectOptionAsync(Webhook.OrderCreated.Id.ToString());
        await page.Locator("#callbackUrl").FillAsync("ftp://example.com/hooks");
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        Assert.Contains("Must be an absolute http(s) URL.", await page.Locator("[role=alert]").InnerTextAsync());
        Assert.Equal("true", await page.Locator("#callbackUrl").GetAttributeAsync("aria-invalid"));
        await ConsoleSteps.AssertAccessibleAsync(page);

        await page.Locator("#callbackUrl").FillAsync(receiver.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Subscribe" }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, "/console/webhooks/[^/?]+$");
        var id = Guid.Parse(new Uri(page.Url).Segments[^1]);
        var secret = (await page.Locator("#new-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("whsec_", secret);
        receiver.AddSecret(secret);
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#new-secret").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        Assert.Contains("the receiver answered 200", await ConsoleSteps.OutcomeAsync(page));
        var test = Assert.Single(receiver.Received);
        Assert.True(test.SignatureValid && test.HashValid);

        // The receiver fails every attempt of the schedule; the clock is moved past each retry.
        receiver.AnswerNextWith(Maintenance, Enumerable.Repeat(500, WebhookDispatcher.Retries.Delays.Count).ToArray());
        var order = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var orderId = order.GetProperty("id").GetGuid();
        // The app's workers are off: each pass is this test's, so each makes exactly the next attempt.
        for (var made = 1; made <= WebhookDispatcher.Retries.Delays.Count; made++)
        {
            await PassAsync();
            Assert.Equal(made, (await AttemptsAsync(id)).Count);
            if (made < WebhookDispatcher.Retries.Delays.Count)
                app.Time.Advance(WebhookDispatcher.Retries.Delays[made] * 1.1 + TimeSpan.FromSeconds(1)); // past the jitter
        }
        Assert.Equal("Failed", (await AttemptsAsync(id))[0].GetProperty("deliveryStatus").GetString());

        // Days later the cookie has expired: the person signs in again and looks at the failures.
        await using var later = await ConsoleSteps.SignInAsync(app, planner.Email);
        page = later.Page;
        await page.GotoAsync(app.Url($"/console/webhooks/{id}?show=failed"));
        var delivery = page.Locator("article.delivery");
        Assert.Equal(1, await delivery.CountAsync());
        var shown = await delivery.InnerTextAsync();
        Assert.Contains("Failed", shown);
        Assert.Contains("500", shown);
        Assert.Contains(Maintenance, shown);
        Assert.Equal(WebhookDispatcher.Retries.Delays.Count, await delivery.Locator("table.attempts tbody tr").CountAsync());
        Assert.Equal($"/console/orders/{orderId}", await delivery.GetByRole(AriaRole.Link).GetAttributeAsync("href"));
        await ConsoleSteps.AssertAccessibleAsync(page);

        // The receiver is back (its planned failures are used up): one click sends the event again.
        await delivery.GetByRole(AriaRole.Button, new() { Name = "Redeliver" }).ClickAsync();
        Assert.Contains("sent again", await ConsoleSteps.OutcomeAsync(page));
        await PassAsync();
        await page.GotoAsync(app.Url($"/console/webhooks/{id}?show=delivered"));
        Assert.Equal(1, await page.Locator("article.delivery").CountAsync());
        Assert.Contains("Delivered", await page.Locator("article.delivery .badge").InnerTextAsync());
        // The log counts every attempt at the event: the redelivery after the schedule's attempts is the next one.
        var rows = page.Locator("article.delivery table.attempts tbody tr");
        Assert.Equal($"{WebhookDispatcher.Retries.Delays.Count + 1}", (await rows.Last.Locator("td").First.InnerTextAsync()).Trim());
        Assert.Contains("sent again", await rows.Last.InnerTextAsync());
        Assert.Contains("The receiver answered 500.", await rows.First.InnerTextAsync());
        // On a phone: no sideways scroll of the page, and every scrolling table takes focus (axe clean).
        await page.SetViewportSizeAsync(390, 844);
        await ConsoleSteps.AssertFitsAsync(page);
        await ConsoleSteps.AssertAccessibleAsync(page);
        await page.SetViewportSizeAsync(1360, 900);

        var attempts = await AttemptsAsync(id);
        Assert.Equal(200, attempts[0].GetProperty("statusCode").GetInt32());
        Assert.Equal("Delivered", attempts[0].GetProperty("deliveryStatus").GetString());
        Assert.Equal(Maintenance, attempts[1].GetProperty("responseExcerpt").GetString());
        var sent = receiver.Received.Skip(1).ToList();
        Assert.Equal(WebhookDispatcher.Retries.Delays.Count + 1, sent.Count);
        Assert.Single(sent.Select(w => w.Id).Distinct());
        Assert.True(sent[^1].SignatureValid && sent[^1].HashValid);
        Assert.Equal(orderId, sent[^1].Json.GetProperty("eventData").GetProperty("id").GetGuid());

        if (app.Provider == DatabaseProvider.Sqlite)
        {
            await page.GotoAsync(app.Url($"/console/webhooks/{id}"));
            await ConsoleSteps.ScreenshotAsync(page, "console-webhook-deliveries");
            await page.GotoAsync(app.Url("/console/webhooks"));
            await ConsoleSteps.ScreenshotAsync(page, "console-webhooks");
        }

        // Another provider's person: not in their list, and the page does not exist for them.
        await using var other = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.OtherProviderId);
        await other.Page.GotoAsync(app.Url("/console/webhooks"));
        Assert.Equal(0, await other.Page.Locator($"a[href='/console/webhooks/{id}']").CountAsync());
        Assert.DoesNotContain(receiver.Url, await other.Page.ContentAsync());
        var missing = await other.Page.GotoAsync(app.Url($"/console/webhooks/{id}"));
        Assert.Equal((int)HttpStatusCode.NotFound, missing!.Status);
    }

    [Fact]
    public async Task A_provider_disables_enables_rotates_and_deletes_a_subscription()
    {
        var id = await SubscribeOverApiAsync();
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url($"/console/webhooks/{id}"));

        await page.GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        Assert.Contains("No deliveries are waiting, so none will be failed.", await ConsoleSteps.ConfirmAsync(page));
        Assert.Contains("Disabled", await ConsoleSteps.OutcomeAsync(page));
        var state = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/webhook-subscriptions/{id}");
        Assert.False(state.GetProperty("isEnabled").GetBoolean());
        Assert.Equal($"Disabled by {planner.Email}.", state.GetProperty("disabledReason").GetString());

        await page.GetByRole(AriaRole.Button, new() { Name = "Enable" }).ClickAsync();
        Assert.Contains("Enabled", await ConsoleSteps.OutcomeAsync(page));
        state = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/webhook-subscriptions/{id}");
        Assert.True(state.GetProperty("isEnabled").GetBoolean());

        // Rotating shows the new secret once; the body's hash is made with it alone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Rotate the secret" }).ClickAsync();
        var secret = (await page.Locator("#new-secret").InnerTextAsync()).Trim();
        receiver.ForgetSecrets();
        receiver.AddSecret(secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        Assert.Contains("the receiver answered 200", await ConsoleSteps.OutcomeAsync(page));
        Assert.True(Assert.Single(receiver.Received).HashValid);
        Assert.Equal(0, await page.Locator("#new-secret").CountAsync());

        // The time is read in the console's zone (the browser's here): nothing failed since an hour ago.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var anHourAgo = TimeZoneInfo.ConvertTime(app.Time.GetUtcNow().AddHours(-1), zone);
        await page.Locator("#recover-since").FillAsync(anHourAgo.ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        Assert.Contains($"No delivery failed since {anHourAgo:yyyy-MM-dd HH:mm}",
            await ConsoleSteps.OutcomeAsync(page));

        // An admin sees every subscription, with whose it is.
        await using (var admin = await ConsoleSteps.PersonAsync(app, world.Admin, "Admin", null))
        {
            await admin.Page.GotoAsync(app.Url("/console/webhooks"));
            var row = admin.Page.Locator("tr", new() { Has = admin.Page.Locator($"a[href='/console/webhooks/{id}']") });
            Assert.Contains("Provider · Opleider", await row.InnerTextAsync());
        }

        // A delivery waits for its retry (the receiver refused its first attempt).
        receiver.AnswerNextWith(Maintenance, 500);
        await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        await PassAsync();
        Assert.Equal("Pending", (await AttemptsAsync(id))[0].GetProperty("deliveryStatus").GetString());

        // Deleting asks first, naming what happens and counting the waiting deliveries; nothing is deleted until then.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the subscription" }).ClickAsync();
        var step = page.Locator("section.confirm");
        await Assertions.Expect(step).ToContainTextAsync("1 waiting delivery will be failed.");
        Assert.Contains("This cannot be undone", await step.InnerTextAsync());
        Assert.Equal(HttpStatusCode.OK,
            (await world.Provider.GetAsync($"/api/v1/webhook-subscriptions/{id}")).StatusCode);
        await step.GetByRole(AriaRole.Link, new() { Name = "No, go back" }).ClickAsync();
        await Assertions.Expect(step).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the subscription" }).ClickAsync();
        await step.Locator("#confirm-button").ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, "/console/webhooks$");
        Assert.Contains("is deleted", await ConsoleSteps.OutcomeAsync(page));
        var gone = await world.Provider.GetAsync($"/api/v1/webhook-subscriptions/{id}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        // The waiting delivery failed with it, and the audit log says who deleted what.
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        Assert.Equal(DeliveryStatus.Failed,
            (await db.WebhookDeliveries.SingleAsync(d => d.SubscriptionId == id)).Status);
        var audit = await db.AuditEntries.SingleAsync(
            e => e.Action == AuditAction.WebhookDeleted && e.Subject == receiver.Url);
        Assert.Equal((planner.Email, "1"), (audit.ActorId, audit.Details));
    }

    private async Task<Guid> SubscribeOverApiAsync()
    {
        var response = await world.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = receiver.Url });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        receiver.AddSecret(body.GetProperty("sharedSecret").GetString()!);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>The delivery log over the API, newest attempt first.</summary>
    private async Task<List<JsonElement>> AttemptsAsync(Guid subscription) =>
        [.. (await world.Provider.GetFromJsonAsync<JsonElement>(
            $"/api/v1/webhook-subscriptions/{subscription}/deliveries")).GetProperty("items").EnumerateArray()];

    /// <summary>One pass of the webhook worker (fan-out, then every due delivery), the only one: the app's are off.</summary>
    private Task<int> PassAsync() => WebhookWorker.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
        app.Services.GetRequiredService<WebhookDispatcher>(), "console-test", CancellationToken.None);

    /// <summary>Reads until the condition holds, driving the worker between reads; fails after the deadline.</summary>
    private async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            Assert.True(DateTime.UtcNow < deadline, $"Waited {seconds} s for {what}.");
            await PassAsync();
            await Task.Delay(20);
        }
    }
}

// One database: what this class stores is proven on both by the API's tests, and every console page and form is
// loaded on both by the console sweep (ConsoleFuzzTests); a browser flow adds no more on the second (0017).
public sealed class SqliteWebhookPagesTests(ManualSqliteConsoleApp app)
    : WebhookPagesTests<ManualSqliteConsoleApp>(app);
