using System.Net;
using System.Text.Json;
using Microsoft.Playwright;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>The guide's flow through the console's pages in a real browser, each step checked over the API too.</summary>
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
        await page.WaitForURLAsync($"**/console/orders/{id}");

        foreach (var select in await page.Locator("select[name^=company]").AllAsync())
            await select.SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save legal companies" }).ClickAsync();
        Assert.Contains("Saved the legal company of 2 order lines", await ConsoleSteps.OutcomeAsync(page));

        await page.GetByLabel("Second choice").CheckAsync();
        await page.Locator("form:has(input[name=startMoment]) button[type=submit]").ClickAsync();
        Assert.Contains("Accepted by the provider", await ConsoleSteps.OutcomeAsync(page));

        var order = await GetAsync(world.Provider, id);
        Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
        Assert.Equal(await StartMomentIdAsync(world.Provider, world.CourseId, "SM-2"), order.GetProperty("acceptedStartMomentId").GetGuid());
        Assert.All(order.GetProperty("orderLines").EnumerateArray(),
            l => Assert.Equal("Opleider BV", l.GetProperty("invoiceOnBehalfOf").GetProperty("name").GetString()));
        var accepted = order.GetProperty("orderStatusTransitions").EnumerateArray().Last();
        Assert.Equal("Person", accepted.GetProperty("changedByKind").GetString());
        Assert.Equal(planner.Email, accepted.GetProperty("changedById").GetString());
        await ConsoleSteps.ScreenshotAsync(page, "console-order");
    }
}

public sealed class SqliteConsoleFlowTests(SqliteConsoleApp app) : ConsoleFlowTests<SqliteConsoleApp>(app);

public sealed class PostgresConsoleFlowTests(PostgresConsoleApp app) : ConsoleFlowTests<PostgresConsoleApp>(app);
