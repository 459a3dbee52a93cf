using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;
using OpenOrders.Bench;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The admin's overview in a real browser against what the API and the database count. Its counts are the
/// database's own (per day in the console's time zone), so this runs on both databases; the pages' flows
/// (<see cref="AdminPageFlowsTests{TApp}"/>) run on one, since what they store is proven on both by the API's tests
/// and every admin page and form is loaded on both by the console sweep (ConsoleFuzzTests).
/// </summary>
public abstract class AdminPagesTests<TApp>(TApp fixture) : IClassFixture<TApp>, IAsyncLifetime where TApp : ConsoleApp
{
    protected readonly TApp app = fixture;
    protected TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_overview_counts_orders_per_status_and_per_day_as_the_api_and_the_database_do()
    {
        // A week of orders, a few each day, some rejected; the webhook receiver refuses a delivery now and then.
        await using var receiver = await Receiver.StartAsync();
        receiver.AddSecret(await SubscribeAsync(receiver.Url));
        var (made, refused) = (0, 0);
        foreach (var (orders, d) in new[] { 2, 1, 3, 0, 2, 4, 3 }.Select((n, i) => (n, i)))
        {
            if (d > 0) app.Time.Advance(TimeSpan.FromDays(1));
            if (d % 3 == 1)
            {
                receiver.AnswerNext(500); // the day's first delivery fails once; its retry succeeds
                refused++;
            }
            for (var i = 0; i < orders; i++, made++)
            {
                var id = await NewOrderAsync();
                await WaitUntilValidatedAsync(world.Account, id);
                if (made % 4 == 3)
                {
                    var rejected = new { status = "RejectedProvider", cancellationReason = "NoAvailability" };
                    Assert.Equal(HttpStatusCode.Created,
                        (await TransitionAsync(world.Provider, id, rejected)).StatusCode);
                }
            }
            await WaitForAttemptsAsync(failed: refused, succeeded: made);
        }
        await using var admin = await AdminAsync();
        var page = admin.Page;
        await page.GotoAsync(app.Url("/console/admin"));
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            var cell = page.Locator($"#status-table tr[data-status='{status}'] td");
            Assert.Equal(await CountOverApiAsync($"status={status}"),
                int.Parse(await cell.InnerTextAsync(), Invariant));
        }
        Assert.Contains(English(OrderStatus.PendingProvider),
            await page.Locator("#status-table tr[data-status='PendingProvider'] th").InnerTextAsync());

        // Today in the console's time zone (the default, Amsterdam), from its midnight to the next.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
        var today = TimeZoneInfo.ConvertTime(app.Time.GetUtcNow(), zone).Date;
        DateTimeOffset Midnight(DateTime d) => new DateTimeOffset(d, zone.GetUtcOffset(d)).ToUniversalTime();
        var (start, end) = (Midnight(today), Midnight(today.AddDays(1)));
        var day = today.ToString("yyyy-MM-dd", Invariant);
        static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.ToString("O", Invariant));
        var createdToday = await CountOverApiAsync($"createdFrom={Iso(start)}&createdTo={Iso(end)}");
        Assert.True(createdToday >= 3); // this test's last day
        Assert.Equal(createdToday, await NumberAsync(page, $"#created-table tr[data-day='{day}'] td"));
        var (succeeded, failed) = await app.WithDbAsync(async db => (
            await db.WebhookAttempts.CountAsync(a => a.Succeeded && a.AttemptedAt >= start && a.AttemptedAt < end),
            await db.WebhookAttempts.CountAsync(a => !a.Succeeded && a.AttemptedAt >= start && a.AttemptedAt < end)));
        Assert.Equal(succeeded, await NumberAsync(page, $"#attempts-table tr[data-day='{day}'] td >> nth=0"));
        Assert.Equal(failed, await NumberAsync(page, $"#attempts-table tr[data-day='{day}'] td >> nth=1"));
        Assert.Equal(30, await page.Locator("#created-table tbody tr").CountAsync()); // the days without orders too
        Assert.Equal(3, await page.Locator("svg[role=img]").CountAsync());

        await ConsoleSteps.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "console-admin");
        foreach (var summary in await page.Locator("main details > summary").AllAsync()) await summary.ClickAsync();
        await ConsoleSteps.AssertAccessibleAsync(page);
    }

    protected static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    protected static string English(OrderStatus status) => DisplayValues.Of(status, DisplayLanguage.English);

    protected async Task<Guid> NewOrderAsync() =>
        (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
        .GetProperty("id").GetGuid();

    protected async Task<List<JsonElement>> ListAsync(string path) =>
        [.. (await world.Admin.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray()];

    protected Task<SignedInPerson> AdminAsync() => ConsoleSteps.PersonAsync(app, world.Admin, "Admin", null);

    /// <summary>One set of pictures for the docs: the SQLite run's.</summary>
    protected async Task ScreenshotAsync(IPage page, string name)
    {
        if (app.Provider == DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, name);
    }

    /// <summary>Created, validated, its lines completed, accepted, and due: the start date has come.</summary>
    protected async Task<Guid> PendingInvoiceOrderAsync()
    {
        var id = await NewOrderAsync();
        await CompleteOrderLinesAsync(world.Provider, await WaitUntilValidatedAsync(world.Provider, id));
        var accepted = await TransitionAsync(world.Provider, id, new { status = "AcceptedProvider" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        app.Time.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Invoicing.Invoices>()
                .MoveDueOrdersAsync(CancellationToken.None);
        Assert.Equal("PendingInvoice", (await GetAsync(world.Admin, id)).GetProperty("status").GetString());
        return id;
    }

    protected static async Task InviteOnPageAsync(IPage page, string email, string role, Guid tenantId)
    {
        await page.Locator("#person-email").FillAsync(email);
        await page.Locator("#person-role").SelectOptionAsync(role);
        await page.Locator("#person-tenant").SelectOptionAsync(tenantId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
    }

    protected async Task<string> SubscribeAsync(string url)
    {
        var response = await world.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = url });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("sharedSecret").GetString()!;
    }

    protected Task<HttpResponseMessage> TokenAsync(string clientId, string secret) =>
        app.CreateClient().PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));

    /// <summary>How many orders the admin's list answers for a filter, page by page.</summary>
    protected async Task<int> CountOverApiAsync(string filter)
    {
        var (count, cursor) = (0, (string?)null);
        while (true)
        {
            var query = $"/api/v1/orders?{filter}&limit=200"
                        + (cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor));
            var page = await world.Admin.GetFromJsonAsync<JsonElement>(query);
            count += page.GetProperty("items").GetArrayLength();
            if (!page.GetProperty("hasMore").GetBoolean()) return count;
            cursor = page.GetProperty("next").GetString();
        }
    }

    protected static async Task<int> NumberAsync(IPage page, string selector) =>
        int.Parse((await page.Locator(selector).TextContentAsync())!.Trim(), Invariant);

    /// <summary>Until the attempts are recorded; the clock moves on so a failed delivery's retry comes due.</summary>
    protected async Task WaitForAttemptsAsync(int failed, int succeeded)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var (f, s) = await app.WithDbAsync(async db => (
                await db.WebhookAttempts.CountAsync(a => !a.Succeeded),
                await db.WebhookAttempts.CountAsync(a => a.Succeeded)));
            if (f >= failed && s >= succeeded) return;
            Assert.True(DateTime.UtcNow < deadline, $"After 30 s: {f} failed and {s} succeeded webhook attempts.");
            if (f >= failed) app.Time.Advance(TimeSpan.FromSeconds(2));
            await Task.Delay(20);
        }
    }
}

/// <summary>The admin's pages in a real browser, each outcome checked over the API (attempts: the database).</summary>
public abstract class AdminPageFlowsTests<TApp>(TApp fixture) : AdminPagesTests<TApp>(fixture) where TApp : ConsoleApp
{
    [Fact]
    public async Task An_admin_runs_invoicing_on_the_page_and_registers_the_payment_on_the_order()
    {
        var id = await PendingInvoiceOrderAsync();
        var number = (await GetAsync(world.Admin, id)).GetProperty("orderNumber").GetInt32()
            .ToString(Invariant);
        await using var admin = await AdminAsync();
        var page = admin.Page;

        await page.GotoAsync(app.Url("/console/admin/invoicing"));
        Assert.True(int.Parse(await page.Locator("#pending-invoice").InnerTextAsync(), Invariant) >= 1);
        await ConsoleSteps.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Run invoicing" }).ClickAsync();
        Assert.Contains("an invoice number is never given back", await ConsoleSteps.ConfirmAsync(page));
        Assert.Contains("Invoiced", await ConsoleSteps.OutcomeAsync(page));

        var row = page.Locator("#invoiced-table tbody tr", new() { HasText = number });
        var shown = int.Parse(await row.Locator("td").InnerTextAsync(), Invariant);
        var order = await GetAsync(world.Admin, id);
        Assert.Equal("Invoiced", order.GetProperty("status").GetString());
        Assert.Equal(shown, order.GetProperty("invoiceNumber").GetInt32());
        Assert.Equal("0", await page.Locator("#pending-invoice").InnerTextAsync());
        await ConsoleSteps.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "console-admin-invoicing");

        // The result is shown once; the order's own page takes the payment.
        await row.GetByRole(AriaRole.Link, new() { Name = number }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, $"/console/orders/{id}$");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register the payment" }).ClickAsync();
        Assert.Contains(English(OrderStatus.Paid), await ConsoleSteps.OutcomeAsync(page));

        order = await GetAsync(world.Admin, id);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(shown, order.GetProperty("invoiceNumber").GetInt32());
        var transitions = order.GetProperty("orderStatusTransitions").EnumerateArray().ToList();
        Assert.All(transitions[^2..], t => Assert.Equal(admin.Email, t.GetProperty("changedById").GetString()));
        await page.GotoAsync(app.Url("/console/admin/invoicing"));
        Assert.Equal(0, await page.Locator("#invoiced-table").CountAsync());
    }

    [Fact]
    public async Task An_admin_creates_an_api_client_whose_secret_gets_a_token_and_then_revokes_it()
    {
        await using var admin = await AdminAsync();
        var page = admin.Page;
        await page.GotoAsync(app.Url("/console/admin/clients"));

        // A refused form keeps what was typed and says why, in the service's own words.
        await page.Locator("#client-name").FillAsync("Planning system");
        await page.Locator("#client-role").SelectOptionAsync("Provider");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        Assert.Equal("Required.", await page.Locator("#client-tenant-error").InnerTextAsync());
        Assert.Equal("Planning system", await page.Locator("#client-name").InputValueAsync());
        Assert.Equal("true", await page.Locator("#client-tenant").GetAttributeAsync("aria-invalid"));
        await ConsoleSteps.AssertAccessibleAsync(page);

        await page.Locator("#client-tenant").SelectOptionAsync(world.ProviderId.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Create client" }).ClickAsync();
        Assert.Contains("Created the API client Planning system", await ConsoleSteps.OutcomeAsync(page));
        var clientId = await page.Locator("#new-client-id").InnerTextAsync();
        var secret = await page.Locator("#new-client-secret").InnerTextAsync();
        await ConsoleSteps.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "console-admin-clients");

        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clientId, secret)).StatusCode);
        var client = await app.ClientWithTokenAsync(clientId, secret);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/providers/{world.ProviderId}")).StatusCode);
        var listed = (await ListAsync("/api/v1/clients"))
            .Single(c => c.GetProperty("clientId").GetString() == clientId);
        Assert.Equal("Provider", listed.GetProperty("role").GetString());
        Assert.Equal(world.ProviderId, listed.GetProperty("tenantId").GetGuid());

        // Shown once: not after a reload.
        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#new-client-secret").CountAsync());
        Assert.DoesNotContain(secret, await page.ContentAsync());

        var row = page.Locator($"tr[data-client='{clientId}']");
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(clientId, secret)).StatusCode); // asked, not done
        Assert.Contains("Revoke the API client Planning system?", await ConsoleSteps.ConfirmAsync(page));
        Assert.Contains($"Revoked {clientId}", await ConsoleSteps.OutcomeAsync(page));
        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(clientId, secret)).StatusCode);
        Assert.Equal(0, await row.GetByRole(AriaRole.Button).CountAsync());
    }

    [Fact]
    public async Task An_admin_invites_a_person_whose_link_sets_a_password_to_sign_in_with()
    {
        await using var admin = await AdminAsync();
        var page = admin.Page;
        await page.GotoAsync(app.Url("/console/admin/people"));
        var email = $"planner.{Guid.NewGuid():N}"[..20] + "@example.test";

        await InviteOnPageAsync(page, email, "Account", world.AccountId);
        Assert.Contains($"Invited {email}", await ConsoleSteps.OutcomeAsync(page));
        var link = await page.Locator("#new-link").InnerTextAsync();
        var row = page.Locator($"tr[data-person='{email}']");
        Assert.Equal("no", (await row.Locator("td").Nth(3).InnerTextAsync()).Trim()); // no password yet
        await ConsoleSteps.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "console-admin-people");

        await ConsoleSteps.SetPasswordAsync(app, link);
        await using (var person = await ConsoleSteps.SignInAsync(app, email))
            // An employer with no orders yet lands on all of them, never on an empty "awaiting approval" (0014).
            Assert.Contains("/console/orders?view=all", person.Page.Url);

        await page.ReloadAsync();
        Assert.Equal(0, await page.Locator("#new-link").CountAsync());
        Assert.Equal("yes", (await row.Locator("td").Nth(3).InnerTextAsync()).Trim());
        var listed = (await ListAsync("/api/v1/people")).Single(p => p.GetProperty("email").GetString() == email);
        Assert.Equal("Account", listed.GetProperty("role").GetString());
        Assert.Equal(world.AccountId, listed.GetProperty("tenantId").GetGuid());
        Assert.True(listed.GetProperty("hasSetPassword").GetBoolean());

        // The same address again: refused with the service's reason, the address kept in the field.
        await InviteOnPageAsync(page, email, "Provider", world.ProviderId);
        Assert.Contains("invited already", await page.Locator("#person-email-error").InnerTextAsync());
        Assert.Equal(email, await page.Locator("#person-email").InputValueAsync());
    }

    [Fact]
    public async Task A_person_disabled_on_the_page_is_signed_out_at_their_next_page_load()
    {
        await using var provider = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        await using var admin = await AdminAsync();
        var page = admin.Page;
        await page.GotoAsync(app.Url("/console/admin/people"));

        await page.Locator($"tr[data-person='{provider.Email}']")
            .GetByRole(AriaRole.Button, new() { Name = "Disable" }).ClickAsync();
        var asked = await ConsoleSteps.ConfirmAsync(page);
        Assert.Contains($"Disable {provider.Email}?", asked);
        Assert.Contains("signed out at their next page", asked);
        Assert.Contains($"Disabled {provider.Email}", await ConsoleSteps.OutcomeAsync(page));

        await provider.Page.GotoAsync(app.Url("/console/orders"));
        await ConsoleSteps.ArrivedAtAsync(provider.Page, "/console/sign-in");
        await provider.Page.Locator("#email").FillAsync(provider.Email);
        await provider.Page.Locator("#password").FillAsync(provider.Password);
        await provider.Page.Locator("form button[type=submit]").Last.ClickAsync();
        Assert.Contains("may not sign in", await provider.Page.Locator("main [role=alert]").InnerTextAsync());

        var listed = (await ListAsync("/api/v1/people"))
            .Single(p => p.GetProperty("email").GetString() == provider.Email);
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("dateDisabled").ValueKind);
    }

    [Fact]
    public async Task A_person_who_is_not_an_admin_finds_no_admin_pages()
    {
        await using var account = await ConsoleSteps.PersonAsync(app, world.Admin, "Account", world.AccountId);
        var page = account.Page;
        Assert.Equal(0, await page.Locator("nav a[href='/console/admin']").CountAsync());

        foreach (var path in new[] { "", "/invoicing", "/clients", "/people" })
            Assert.Equal(404, (await page.GotoAsync(app.Url("/console/admin" + path)))!.Status);
        // Nor does a form posted there do anything: refused before the page (or its antiforgery check) runs.
        var posted = await page.APIRequest.PostAsync(app.Url("/console/admin/invoicing?handler=Run"));
        Assert.Equal(404, posted.Status);
    }
}

public sealed class SqliteAdminPagesTests(SqliteConsoleApp app) : AdminPageFlowsTests<SqliteConsoleApp>(app);

public sealed class PostgresAdminPagesTests(PostgresConsoleApp app) : AdminPagesTests<PostgresConsoleApp>(app);
