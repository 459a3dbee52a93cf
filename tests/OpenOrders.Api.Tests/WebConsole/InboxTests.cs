using System.Net;
using System.Text;
using Microsoft.Playwright;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The inbox for a working day, in a real browser, on both databases: sort, filters, the total, the CSV export (console
/// and API), a saved view, and a move of many orders with a confirmation and a partial failure.
/// </summary>
public abstract class InboxTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : ConsoleApp
{
    protected TestWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Orders of the world's account, validated; the customers' names as given.</summary>
    protected async Task<List<(Guid Id, int Number)>> OrdersAsync(params (string First, string? Middle, string Last,
        string StartMoment)[] customers)
    {
        var ids = new List<Guid>();
        foreach (var (first, middle, last, startMoment) in customers)
        {
            var body = Parse(GuideBody(World.AccountId, World.CourseId, startMoment));
            body["customer"]!["firstName"] = first;
            body["customer"]!["middleName"] = middle;
            body["customer"]!["surname"] = last;
            app.Time.Advance(TimeSpan.FromSeconds(1)); // each its own moment of change
            ids.Add((await CreateAsync(World.Account, body.ToJsonString())).GetProperty("id").GetGuid());
        }
        var orders = new List<(Guid, int)>();
        foreach (var id in ids)
            orders.Add((id, (await WaitUntilValidatedAsync(World.Account, id)).GetProperty("orderNumber").GetInt32()));
        return orders;
    }

    [Fact]
    public async Task A_planner_sorts_filters_exports_exactly_the_list_and_saves_it_as_a_view()
    {
        var orders = await OrdersAsync(("Sanne", "de", "Vries", "SM-2"),
            ("=HYPERLINK(\"x\")", null, "Smit; Jansen", "SM-1"),
            ("Piet", "van der", "Berg", "SM-1"));
        await using var planner = await ConsoleSteps.PersonAsync(app, World.Admin, "Provider", World.ProviderId);
        var page = planner.Page;
        Assert.Contains("3 orders match", await page.Locator(".matches").InnerTextAsync());
        // Middle names are part of the name.
        Assert.Contains("Sanne de Vries", await page.Locator("main table").InnerTextAsync());

        // Sorting by a column's header: ascending order numbers, then descending on a second click.
        await page.Locator("th a", new() { HasText = "Order" }).First.ClickAsync();
        var ascending = orders.Select(o => o.Number.ToString()).Order().ToList();
        Assert.Equal(ascending, await page.Locator("main tbody td.number a").AllInnerTextsAsync());
        Assert.Equal("ascending", await page.Locator("th[aria-sort]").GetAttributeAsync("aria-sort"));
        await page.Locator("th a", new() { HasText = "Order" }).First.ClickAsync();
        Assert.Equal(ascending.AsEnumerable().Reverse(),
            await page.Locator("main tbody td.number a").AllInnerTextsAsync());
        // By start date (the accepted one, else the first choice), earliest first: SM-1 before SM-2.
        await page.GotoAsync(app.Url("/console/orders?status=PendingProvider&sort=StartDate&dir=asc&size=50"));
        Assert.Equal(orders[0].Number.ToString(), await page.Locator("main tbody td.number a").Last.InnerTextAsync());

        // A filter and a page of one: the total counts all pages; the next page holds the rest.
        var prefix = orders[2].Number.ToString()[..3];
        await page.GotoAsync(app.Url($"/console/orders?status=PendingProvider&course={World.CourseId}&size=25"));
        Assert.Contains("3 orders match", await page.Locator(".matches").InnerTextAsync());
        await page.GotoAsync(app.Url($"/console/orders?number={prefix}"));
        Assert.Contains(orders[2].Number.ToString(), await page.Locator("main tbody").InnerTextAsync());

        // The export: exactly what the list selects, every page, BOM, quoting and formulas made harmless.
        var export = await page.APIRequest.GetAsync(
            app.Url("/console/orders/export?status=PendingProvider&sort=OrderNumber&dir=asc"));
        Assert.Equal(200, export.Status);
        Assert.StartsWith("text/csv", export.Headers["content-type"]);
        var bytes = await export.BodyAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Order,Status,Course,Customer", lines[0]);
        Assert.Equal(ascending, lines[1..].Select(l => l.Split(',')[0]));
        Assert.Contains(lines, l => l.Contains(",Sanne de Vries,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(",\"'=HYPERLINK(\"\"x\"\") Smit; Jansen\",", StringComparison.Ordinal));

        // The API's export: the same rule of who sees what, every order of the filter.
        var api = await World.Provider.GetAsync("/api/v1/orders/export?status=PendingProvider");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var apiLines = (await api.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, apiLines.Length);
        Assert.StartsWith("orderNumber,status,name,customerName", apiLines[0]);
        var stranger = await (await World.OtherProvider.GetAsync("/api/v1/orders/export")).Content.ReadAsStringAsync();
        Assert.Single(stranger.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header alone

        // A saved view keeps the filters and sort, and is there after a new sign-in.
        await page.GotoAsync(app.Url("/console/orders?status=PendingProvider&sort=Total&dir=asc"));
        await page.Locator("details.save-view summary").ClickAsync();
        await page.GetByLabel("Name of the view").FillAsync("Cheapest first");
        await page.Locator("details.save-view form:has(#view-name) button[type=submit]").ClickAsync();
        Assert.Contains("Saved the view", await ConsoleSteps.OutcomeAsync(page));
        await using var again = await ConsoleSteps.SignInAsync(app, planner.Email);
        await again.Page.GetByRole(AriaRole.Link, new() { Name = "Cheapest first" }).ClickAsync();
        await Assertions.Expect(again.Page)
            .ToHaveURLAsync(new System.Text.RegularExpressions.Regex("sort=Total&dir=asc"));
        Assert.Equal("page", await again.Page.Locator(".views .saved a").GetAttributeAsync("aria-current"));
    }

    [Fact]
    public async Task A_move_of_many_orders_is_confirmed_first_and_reports_each_order_done_or_refused()
    {
        var orders = await OrdersAsync(("Anna", null, "Smit", "SM-1"), ("Bram", null, "Bakker", "SM-1"),
            ("Chantal", "de", "Wit", "SM-1"));
        // One of them is rejected over the API meanwhile: the bulk acceptance will be refused for it.
        Assert.Equal(HttpStatusCode.Created, (await TransitionAsync(World.Provider, orders[2].Id,
            new { status = "RejectedProvider", cancellationReason = "NoAvailability" })).StatusCode);

        await using var planner = await ConsoleSteps.PersonAsync(app, World.Admin, "Provider", World.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url("/console/orders?status=PendingProvider&status=RejectedProvider"));
        await page.Locator("#bulk-target").SelectOptionAsync("AcceptedProvider");
        await page.GetByLabel("All 3 matching orders", new() { Exact = false }).CheckAsync();
        await page.Locator("form#bulk button[type=submit]").ClickAsync();

        // The confirmation names what will happen, and nothing has happened yet. The console needs no script.
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accept: 2 orders");
        Assert.Contains("1 of the chosen orders is in a status where this is not possible",
            await page.Locator(".confirm").InnerTextAsync());
        Assert.Equal(0, await page.Locator("script").CountAsync());
        Assert.Equal("PendingProvider",
            (await GetAsync(World.Provider, orders[0].Id)).GetProperty("status").GetString());
        await ConsoleSteps.AssertAccessibleAsync(page);
        if (app.Provider == Data.DatabaseProvider.Sqlite)
            await ConsoleSteps.ScreenshotAsync(page, "console-bulk-confirm");

        // The provider's legal company completes the order lines, then each order is accepted on its own.
        await page.GetByLabel("Order lines without a legal company are invoiced on behalf of")
            .SelectOptionAsync(new SelectOptionValue { Label = "Opleider BV (NL123456789B01)" });
        await page.Locator(".confirm form button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Accept: outcome", new() { Timeout = 30_000 });
        // The worker may still be at it when the page is drawn: the page says so, and a reload shows the rest.
        for (var tries = 0; await page.Locator(".bulk-figures dt", new() { HasText = "Still to do" }).CountAsync() > 0
             && tries < 20; tries++)
            await page.ReloadAsync();
        Assert.Equal("2", await page.Locator(".bulk-figures div:has(dt:text-is('Done')) dd").InnerTextAsync());
        Assert.Equal("1", await page.Locator(".bulk-figures div:has(dt:text-is('Refused')) dd").InnerTextAsync());
        var refusal = await page.Locator("table.refusals tbody tr").InnerTextAsync();
        Assert.Contains(orders[2].Number.ToString(), refusal);
        // The refusal in the console's words, with display names, not the service's sentence.
        Assert.Contains("so it cannot become Accepted by the provider", refusal);
        Assert.DoesNotContain("AcceptedProvider", refusal);
        await ConsoleSteps.AssertAccessibleAsync(page);
        if (app.Provider == Data.DatabaseProvider.Sqlite)
            await ConsoleSteps.ScreenshotAsync(page, "console-bulk-outcome");

        foreach (var (id, _) in orders[..2])
        {
            var order = await GetAsync(World.Provider, id);
            Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
            var accepted = order.GetProperty("orderStatusTransitions").EnumerateArray().Last();
            Assert.Equal(planner.Email, accepted.GetProperty("changedById").GetString());
            Assert.All(order.GetProperty("orderLines").EnumerateArray(), l =>
                Assert.Equal("Opleider BV", l.GetProperty("invoiceOnBehalfOf").GetProperty("name").GetString()));
        }
        Assert.Equal("RejectedProvider",
            (await GetAsync(World.Provider, orders[2].Id)).GetProperty("status").GetString());
    }
}

/// <summary>
/// On SQLite also the inbox on a phone and at a desktop's width, in both languages: no sideways scroll, orders as
/// cards, the statuses folded into one control, accessible at both sizes; an employer lands on its orders. Screenshots
/// for the README. (Nothing in it depends on the database.)
/// </summary>
public sealed class SqliteInboxTests(SqliteConsoleApp app) : InboxTests<SqliteConsoleApp>(app)
{
    private readonly SqliteConsoleApp app = app;

    [Fact]
    public async Task The_inbox_fits_a_phone_and_a_desktop_in_both_languages_and_an_employer_lands_on_its_orders()
    {
        var ids = (await OrdersAsync(("Sanne", "de", "Vries", "SM-1"), ("Jan", null, "Jansen", "SM-1"),
            ("Fatima", null, "El Amrani", "SM-1"))).Select(o => o.Id).ToList();
        // One accepted, so the employer (which approves nothing) has nothing waiting for it but open orders.
        var accepted = await GetAsync(World.Provider, ids[0]);
        await CompleteOrderLinesAsync(World.Provider, accepted);
        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(World.Provider, ids[0], new { status = "AcceptedProvider" })).StatusCode);

        // The employer lands on its open orders, not on an empty list; the Orders link shows the same.
        await using var employer = await ConsoleSteps.PersonAsync(app, World.Admin, "Account", World.AccountId);
        Assert.Contains("3 orders match", await employer.Page.Locator(".matches").InnerTextAsync());
        await employer.Page.GetByRole(AriaRole.Link, new() { Name = "Orders", Exact = true }).ClickAsync();
        Assert.Equal(3, await employer.Page.Locator("main tbody tr").CountAsync());
        // An empty list names where the matches are.
        await employer.Page.GotoAsync(app.Url("/console/orders?status=Paid&q=sanne"));
        var empty = await employer.Page.Locator(".empty-state").InnerTextAsync();
        Assert.Contains("1 order matches in other statuses", empty);
        await employer.Page.GetByRole(AriaRole.Link, new() { Name = "show them" }).ClickAsync();
        Assert.Equal(1, await employer.Page.Locator("main tbody tr").CountAsync());

        // A planner at a desktop's width and on a phone, in English and (after the switch) in Dutch.
        await using var planner = await ConsoleSteps.PersonAsync(app, World.Admin, "Provider", World.ProviderId);
        var page = planner.Page;
        await page.GotoAsync(app.Url("/console/orders?status=PendingProvider&status=AcceptedProvider"));
        foreach (var suffix in new[] { "", "-nl" })
        {
            await page.SetViewportSizeAsync(1360, 900);
            await page.ReloadAsync();
            Assert.True(await page.Locator("fieldset.statuses label.chip").First.IsVisibleAsync());
            // The menu is whole at a desktop's width: no "Menu" control.
            Assert.True(await page.Locator("header nav a").First.IsVisibleAsync());
            Assert.False(await page.Locator("header details.menu > summary").IsVisibleAsync());
            if (suffix == "") await ConsoleSteps.AssertAccessibleAsync(page);
            await ConsoleSteps.ScreenshotAsync(page, "console-inbox-wide" + suffix);

            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            Assert.Equal(0, await page.EvaluateAsync<int>(
                "document.documentElement.scrollWidth - document.documentElement.clientWidth"));
            // The 17 statuses are one control until opened; each order is a card with its labels.
            Assert.False(await page.Locator("fieldset.statuses label.chip").First.IsVisibleAsync());
            Assert.True((await page.Locator("table.inbox thead").BoundingBoxAsync())!.Height <= 1);
            var card = await page.Locator("table.inbox tbody tr").First.BoundingBoxAsync();
            Assert.True(card!.Width <= 390, $"a card is {card.Width} px wide");
            // The header is one line, its menu folded; the first order shows on the first screen, its status well in.
            var header = await page.Locator("header.top").BoundingBoxAsync();
            Assert.True(header!.Height <= 56, $"the header is {header.Height} px high");
            Assert.False(await page.Locator("header nav a").First.IsVisibleAsync());
            var status = await page.Locator("table.inbox tbody tr").First.Locator(".badge").BoundingBoxAsync();
            Assert.True(status!.Y + status.Height <= 844 - 100,
                $"the first order's status ends at {status.Y + status.Height} px");
            // Values never wrap: an amount and a date stay on one line.
            foreach (var cell in new[] { "td.num", "td[data-label] time" })
            {
                var box = await page.Locator($"table.inbox tbody tr {cell}").First.BoundingBoxAsync();
                Assert.True(box!.Height < 30, $"{cell} wraps ({box.Height} px high)");
            }
            if (suffix == "") await ConsoleSteps.AssertAccessibleAsync(page);
            await ConsoleSteps.ScreenshotAsync(page, "console-inbox-phone" + suffix);
            await page.Locator("details.status-picker summary").ClickAsync();
            Assert.True(await page.Locator("fieldset.statuses label.chip").First.IsVisibleAsync());
            // The menu opens from the keyboard, and its links follow its control in the tab order.
            await page.Locator("header details.menu > summary").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.True(await page.Locator("header nav a").First.IsVisibleAsync());
            await page.Keyboard.PressAsync("Tab");
            Assert.Equal("/console/orders", await page.EvaluateAsync<string>(
                "document.activeElement.getAttribute('href')"));
            await ConsoleSteps.AssertFitsAsync(page);
            if (suffix == "") await ConsoleSteps.AssertAccessibleAsync(page);
            await ConsoleSteps.ScreenshotAsync(page, "console-menu-phone" + suffix);
            if (suffix == "")
            {
                await page.Locator("header form[action='/console/language'] button").ClickAsync();
                await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
            }
        }
    }
}

public sealed class PostgresInboxTests(PostgresConsoleApp app) : InboxTests<PostgresConsoleApp>(app);

