using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The guide's flow through the console's pages in a real browser, each step checked over the API too.
/// </summary>
public abstract class ConsoleFlowTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : ConsoleApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_provider_sees_a_new_order_completes_its_lines_and_accepts_it_with_the_second_choice()
    {
        var body = Parse(GuideBody(world.AccountId, world.CourseId, "SM-1"));
        body["customAttributes"]!["secondChoiceStartMomentId"] = "SM-2";
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        var number = (await GetAsync(world.Provider, id)).GetProperty("orderNumber").GetInt32();

        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var page = planner.Page;
        // The provider lands on what waits for it, and the new order is there.
        Assert.Contains("status=PendingProvider", page.Url);
        await page.GetByRole(AriaRole.Link, new() { Name = number.ToString() }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, $"/console/orders/{id}$");

        foreach (var select in await page.Locator("select[name^=company]").AllAsync())
            await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save legal companies" }).ClickAsync();
        Assert.Contains("Saved the legal company of 2 order lines", await ConsoleSteps.OutcomeAsync(page));

        await page.GetByLabel("Second choice").CheckAsync();
        await page.Locator("form:has(input[name=startMoment]) button[type=submit]").ClickAsync();
        Assert.Contains("Accepted by the provider", await ConsoleSteps.OutcomeAsync(page));

        var order = await GetAsync(world.Provider, id);
        Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
        Assert.Equal(await StartMomentIdAsync(world.Provider, world.CourseId, "SM-2"),
            order.GetProperty("acceptedStartMomentId").GetGuid());
        Assert.NotEmpty(order.GetProperty("orderLines").EnumerateArray());
        Assert.All(order.GetProperty("orderLines").EnumerateArray(),
            l => Assert.Equal("Opleider BV", l.GetProperty("invoiceOnBehalfOf").GetProperty("name").GetString()));
        var accepted = order.GetProperty("orderStatusTransitions").EnumerateArray().Last();
        Assert.Equal("Person", accepted.GetProperty("changedByKind").GetString());
        Assert.Equal(planner.Email, accepted.GetProperty("changedById").GetString());
        if (app.Provider == Data.DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, "console-order");
    }

    [Fact]
    public async Task An_account_that_approves_its_orders_approves_one_on_the_page()
    {
        // The second account of the world is made to require approval, with its own assortment.
        var approving = await TestWorld.CreateAsync(world.Admin, "/api/v1/accounts",
            new { name = "Zorggroep", requireAccountApproval = true });
        await TestWorld.CreateAsync(world.Admin, "/api/v1/assortments",
            new { name = "Zorg", accountIds = new[] { approving }, productIds = new[] { world.CourseId } });
        var account = await TestWorld.ClientForAsync(app, world.Admin, "Account", approving);
        var id = (await CreateAsync(account, GuideBody(approving, world.CourseId, "SM-1"))).GetProperty("id").GetGuid();
        Assert.Equal("PendingAccount", (await WaitUntilValidatedAsync(account, id)).GetProperty("status").GetString());

        await using var manager = await ConsoleSteps.PersonAsync(app, world.Admin, "Account", approving);
        var page = manager.Page;
        Assert.Contains("status=PendingAccount", page.Url);
        await page.Locator($"a[href='/console/orders/{id}']").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
        Assert.Contains("Awaiting the provider", await ConsoleSteps.OutcomeAsync(page));

        var order = await GetAsync(account, id);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        var approval = order.GetProperty("orderStatusTransitions").EnumerateArray().Last();
        Assert.Equal("Account", approval.GetProperty("changedBy").GetString());
        Assert.Equal(manager.Email, approval.GetProperty("changedById").GetString());
        // The timeline says who it was.
        Assert.Contains(manager.Email, await page.Locator("ol.timeline").InnerTextAsync());
    }

    [Fact]
    public async Task A_person_of_another_tenant_never_sees_the_order()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var number = (await WaitUntilValidatedAsync(world.Account, id)).GetProperty("orderNumber").GetInt32();

        await using var stranger = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.OtherProviderId);
        var page = stranger.Page;
        var response = await page.GotoAsync(app.Url($"/console/orders/{id}"));
        Assert.Equal(404, response!.Status);
        Assert.DoesNotContain(number.ToString(), await page.ContentAsync());
        foreach (var list in new[] { "/console/orders", $"/console/orders?q={number}",
                     "/console/orders?status=PendingProvider" })
        {
            await page.GotoAsync(app.Url(list));
            Assert.DoesNotContain(number.ToString(), await page.Locator("main table").InnerTextAsync());
        }
        // A form of its own (with a valid antiforgery token) aimed at the order is refused as missing, and changes
        // nothing.
        var version = (await GetAsync(world.Provider, id)).GetProperty("version").GetInt32();
        var token = await page.Locator("input[name=__RequestVerificationToken]").First.InputValueAsync();
        var post = await page.APIRequest.PostAsync(app.Url($"/console/orders/{id}?handler=Move"), new()
        {
            Form = page.APIRequest.CreateFormData().Set("__RequestVerificationToken", token)
                .Set("version", version.ToString())
                .Set("target", "RejectedProvider").Set("cancellationReason", "Other"),
            MaxRedirects = 0,
        });
        Assert.Equal(404, post.Status);
        Assert.Equal(version, (await GetAsync(world.Provider, id)).GetProperty("version").GetInt32());
    }
}

// One database: what this class stores is proven on both by the API's tests, and every console page and form is
// loaded on both by the console sweep (ConsoleFuzzTests); a browser flow adds no more on the second (0017).
public sealed class PostgresConsoleFlowTests(PostgresConsoleApp app) : ConsoleFlowTests<PostgresConsoleApp>(app);
