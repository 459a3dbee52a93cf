using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// How the console's pages behave for a person: filters, refusals, stale forms, language, safety, accessibility.
/// </summary>
public sealed class ConsolePagesTests(SqliteConsoleApp app) : IClassFixture<SqliteConsoleApp>, IAsyncLifetime
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(Guid Id, int Number)> ValidatedOrderAsync(
        Action<System.Text.Json.Nodes.JsonObject>? change = null)
    {
        var body = Parse(GuideBody(world.AccountId, world.CourseId, "SM-1"));
        change?.Invoke(body);
        // The test clock stands still unless moved: a second between orders gives each its own moment of change.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        return (id, (await WaitUntilValidatedAsync(world.Account, id)).GetProperty("orderNumber").GetInt32());
    }

    [Fact]
    public async Task The_inbox_filters_by_status_text_and_date_counts_per_status_and_pages_with_a_cursor()
    {
        var (_, rareNumber) = await ValidatedOrderAsync(b => b["customer"]!["surname"] = "Zwanenburg");
        var others = new List<int>();
        for (var i = 0; i < 26; i++) others.Add((await ValidatedOrderAsync()).Number);

        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        var count = await page.Locator("label.chip:has(input[value=PendingProvider]) .count").InnerTextAsync();
        Assert.Equal("27", count);
        Assert.Equal(25, await page.Locator("main tbody tr").CountAsync());
        // The newest change comes first; the next page holds the rest, and no order twice.
        Assert.Equal(others[^1].ToString(), await page.Locator("main tbody tr td.number a").First.InnerTextAsync());
        var first = await page.Locator("main tbody tr td.number a").AllInnerTextsAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Next page" }).ClickAsync();
        var second = await page.Locator("main tbody tr td.number a").AllInnerTextsAsync();
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Intersect(second));
        Assert.Contains(rareNumber.ToString(), second);

        // Words match name, e-mail and course in any case; the URL carries the filter, so the link can be shared.
        await page.GotoAsync(app.Url("/console/orders?q=zwanen+TEST&status=PendingProvider&status=PendingAccount"));
        Assert.Equal([rareNumber.ToString()],
            await page.Locator("main tbody tr td.number a").AllInnerTextsAsync());
        Assert.True(await page.Locator("input[name=status][value=PendingAccount]").IsCheckedAsync());
        await page.GotoAsync(app.Url($"/console/orders?q={others[3]}"));
        Assert.Equal([others[3].ToString()], await page.Locator("main tbody tr td.number a").AllInnerTextsAsync());
        var tomorrow = app.Time.GetUtcNow().AddDays(2).ToString("yyyy-MM-dd");
        await page.GotoAsync(app.Url($"/console/orders?from={tomorrow}"));
        Assert.Contains("No orders match.", await page.Locator("main .empty-state").InnerTextAsync());
    }

    [Fact]
    public async Task A_refusal_the_api_gives_is_said_in_the_consoles_words_and_changes_nothing()
    {
        var (id, _) = await ValidatedOrderAsync();
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url($"/console/orders/{id}"));
        await page.Locator("form:has(input[name=startMoment]) button[type=submit]").ClickAsync();

        // The same refusal: the API names the property, the console says what to do, in the order's numbers.
        var api = await TransitionAsync(world.Provider, id, new { status = "AcceptedProvider" });
        var apiMessage = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync()).RootElement
            .GetProperty("detail").GetString();
        Assert.StartsWith("Order lines 1, 2 have no invoiceOnBehalfOf", apiMessage);
        var outcome = await ConsoleSteps.OutcomeAsync(page);
        Assert.StartsWith("Choose the legal company of order lines 1, 2", outcome);
        Assert.DoesNotContain("invoiceOnBehalfOf", outcome);
        Assert.Equal("PendingProvider", (await GetAsync(world.Provider, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_the_fresh_order_never_a_silent_overwrite()
    {
        var (id, _) = await ValidatedOrderAsync();
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url($"/console/orders/{id}"));
        // Meanwhile someone rejects it over the API.
        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(world.Provider, id,
                new { status = "RejectedProvider", cancellationReason = "NoAvailability" })).StatusCode);

        var reject = page.Locator("form:has(input[name=target][value=RejectedProvider])");
        await reject.Locator("select").SelectOptionAsync("Other");
        await reject.Locator("button").ClickAsync();
        Assert.StartsWith("Someone changed this order after you opened it", await ConsoleSteps.OutcomeAsync(page));
        Assert.Contains("Rejected by the provider", await page.Locator("h1").InnerTextAsync());
        var order = await GetAsync(world.Provider, id);
        Assert.Equal("NoAvailability", order.GetProperty("orderStatusTransitions").EnumerateArray().Last()
            .GetProperty("cancellationReason").GetString());
    }

    [Fact]
    public async Task The_console_takes_no_bearer_tokens_and_the_api_takes_no_cookies()
    {
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var api = await planner.Page.APIRequest.GetAsync(app.Url("/api/v1/orders"));
        Assert.Equal(401, api.Status);

        using var bearer = new HttpClient(new HttpClientHandler
        {
            AllowAutoRedirect = false, ServerCertificateCustomValidationCallback = (_, _, _, _) => true
        });
        bearer.DefaultRequestHeaders.Authorization = world.Provider.DefaultRequestHeaders.Authorization;
        var console = await bearer.GetAsync(app.Url("/console/orders"));
        Assert.Equal(HttpStatusCode.Redirect, console.StatusCode);
        Assert.Contains("/console/sign-in", console.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Console_pages_carry_strict_security_headers_and_secure_http_only_cookies()
    {
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var response = await planner.Page.GotoAsync(app.Url("/console/orders"));
        var headers = await response!.AllHeadersAsync();
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"]);
        Assert.Contains("script-src 'self'", headers["content-security-policy"]);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"]);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("same-origin", headers["referrer-policy"]);
        var cookie = Assert.Single(await planner.Context.CookiesAsync(), c => c.Name == "openorders.console");
        Assert.True(cookie.HttpOnly && cookie.Secure);
        Assert.Equal(SameSiteAttribute.Lax, cookie.SameSite);
    }

    [Fact]
    public async Task Dutch_browsers_get_dutch_pages_and_the_switch_keeps_the_choice()
    {
        var email = await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId);
        await using var planner = await ConsoleSteps.SignInAsync(app, email, locale: "nl-NL");
        var page = planner.Page;
        Assert.Equal("nl", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Bestellingen", await page.Locator("h1").InnerTextAsync());
        Assert.Contains("In afwachting van opleider", await page.Locator("fieldset.statuses").InnerTextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "English" }).ClickAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await page.GotoAsync(app.Url("/console/status-flow"));
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Contains("Awaiting the provider", await page.Locator("main table").InnerTextAsync());
    }

    [Fact]
    public async Task Every_page_of_orders_is_accessible_and_light()
    {
        var (id, _) = await ValidatedOrderAsync();
        await using (var context = await Browser.NewContextAsync())
        {
            var anonymous = await context.NewPageAsync();
            await anonymous.GotoAsync(app.Url("/console/sign-in"));
            await ConsoleSteps.AssertAccessibleAsync(anonymous);
            await ConsoleSteps.ScreenshotAsync(anonymous, "console-sign-in");
            await anonymous.GotoAsync(app.Url("/console/nothing-here"));
            await ConsoleSteps.AssertAccessibleAsync(anonymous);
        }

        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        foreach (var (path, name) in new[]
                 {
                     ("/console/orders?status=PendingProvider", "console-inbox"), ($"/console/orders/{id}", null),
                     ("/console/status-flow", "console-status-flow"),
                 })
        {
            var response = await page.GotoAsync(app.Url(path));
            Assert.True((await response!.BodyAsync()).Length < 100_000, $"{path} weighs more than 100 KB");
            await ConsoleSteps.AssertAccessibleAsync(page);
            if (name is not null) await ConsoleSteps.ScreenshotAsync(page, name);
        }
        await using var dutch = await ConsoleSteps.SignInAsync(app, planner.Email, locale: "nl-NL");
        await dutch.Page.GotoAsync(app.Url($"/console/orders/{id}"));
        await ConsoleSteps.AssertAccessibleAsync(dutch.Page);
    }
}
