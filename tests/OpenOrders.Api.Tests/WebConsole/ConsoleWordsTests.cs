using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Playwright;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.WebConsole;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// Plain words in both languages, confirmations, invalid orders corrected, notes, the audit log and phones: one app
/// per database, shared by the class.
/// </summary>
public abstract partial class ConsoleWordsTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : ConsoleApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_invalid_order_says_what_is_wrong_in_plain_words_and_is_corrected_and_checked_again()
    {
        var body = Parse(GuideBody(world.AccountId, world.CourseId, "SM-404"));
        (body["customer"]!["firstName"], body["customer"]!["middleName"], body["customer"]!["surname"]) =
            ("Sanne", "de", "Vries");
        body["OrderType"] = "Exam";
        body["customer"]!["address"]!["postalCode"] = "12";
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        Assert.Equal("Invalid", (await WaitUntilValidatedAsync(world.Account, id)).GetProperty("status").GetString());

        await using var account = await ConsoleSteps.PersonAsync(app, world.Admin, "Account", world.AccountId);
        var page = account.Page;
        await page.GotoAsync(app.Url($"/console/orders/{id}"));
        var header = await page.Locator("main h1 + p").InnerTextAsync();
        Assert.Contains("Sanne de Vries", header);
        Assert.Contains("Projectmanagement", header); // the course by name, though the order has not copied it
        var errors = await page.Locator("ul.errors").InnerTextAsync();
        Assert.Contains("The course has no such start moment as the first choice.", errors);
        Assert.Contains("The course is ordered as the wrong kind of order.", errors);
        Assert.DoesNotContain("StartMomentNotFound", errors);
        Assert.DoesNotContain("customAttributes", errors);
        Assert.DoesNotContain(world.AccountId.ToString(), await page.Locator("main").InnerTextAsync());
        var history = await page.Locator("ol.timeline").InnerTextAsync();
        Assert.Contains("Order received; it is checked now.", history);
        Assert.Contains("The checks found 3 problems.", history);
        await ConsoleSteps.AssertAccessibleAsync(page);
        if (app.Provider == DatabaseProvider.Sqlite)
            await ConsoleSteps.ScreenshotAsync(page, "console-order-invalid");

        // Each field in its own input, prefilled: the type from a list, the address whole (the postal code named it).
        await page.Locator("#field-customAttributes-firstChoiceStartMomentId").SelectOptionAsync("SM-2");
        await page.Locator("#field-orderType").SelectOptionAsync("Course");
        Assert.Equal("7", await page.Locator("#field-customer-address-houseNumber").InputValueAsync());
        await page.Locator("#field-customer-address-postalCode").FillAsync("1213 PD");
        // A house number that is no number: the form comes back as typed, the field marked, nothing changed.
        await page.Locator("#field-customer-address-houseNumber").FillAsync("7a");
        await page.Locator("#correct-form button[type=submit]").ClickAsync();
        var problems = page.Locator("#correct-problems");
        await Assertions.Expect(problems).ToContainTextAsync("House number: enter a whole number, for example 12.");
        Assert.Equal("1213 PD", await page.Locator("#field-customer-address-postalCode").InputValueAsync());
        Assert.Equal("true",
            await page.Locator("#field-customer-address-houseNumber").GetAttributeAsync("aria-invalid"));
        await ConsoleSteps.AssertAccessibleAsync(page);
        Assert.Equal("Invalid", (await GetAsync(world.Account, id)).GetProperty("status").GetString());
        await page.Locator("#field-customer-address-houseNumber").FillAsync("7");

        // Corrected on the page: the same update as a merge patch in Invalid, so the order is checked again.
        await page.Locator("#correct-form button[type=submit]").ClickAsync();
        Assert.StartsWith("Corrected", await ConsoleSteps.OutcomeAsync(page));
        var order = await WaitUntilValidatedAsync(world.Account, id);
        Assert.NotEqual("Invalid", order.GetProperty("status").GetString());
        Assert.Equal("SM-2", order.GetProperty("customAttributes").GetProperty("firstChoiceStartMomentId").GetString());
        Assert.Equal("Course", order.GetProperty("orderType").GetString());
        Assert.Equal("1213 PD", order.GetProperty("customer").GetProperty("address").GetProperty("postalCode")
            .GetString());
        await page.ReloadAsync();
        Assert.Contains("Corrected; it is checked again.", await page.Locator("ol.timeline").InnerTextAsync());
        Assert.Equal(0, await page.Locator("#correct-form").CountAsync());
    }

    [Fact]
    public async Task Notes_are_seen_by_the_authors_own_tenant_and_admins_in_the_console_and_the_api()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        await using var planner = await ConsoleSteps.PersonAsync(app, world.Admin, "Provider", world.ProviderId);
        var email = planner.Email;
        var page = planner.Page;
        await page.GotoAsync(app.Url($"/console/orders/{id}"));
        await page.Locator("#note").FillAsync("Student belde: liever in het voorjaar.");
        await page.Locator("#note-form button[type=submit]").ClickAsync();
        Assert.Contains("Your note is added", await ConsoleSteps.OutcomeAsync(page));
        Assert.Equal(HttpStatusCode.Created, (await world.Account.PostAsJsonAsync($"/api/v1/orders/{id}/notes",
            new { text = "Intern: budget goedgekeurd." })).StatusCode);

        Assert.Equal(["Student belde: liever in het voorjaar."], await NotesAsync(world.Provider, id));
        Assert.Equal(["Intern: budget goedgekeurd."], await NotesAsync(world.Account, id));
        Assert.Equal(2, (await NotesAsync(world.Admin, id)).Count);
        var note = (await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}/notes"))
            .GetProperty("items")[0];
        Assert.Equal(email, note.GetProperty("authorId").GetString());
        Assert.Equal("Person", note.GetProperty("authorKind").GetString());
        // Another provider does not see the order at all.
        Assert.Equal(HttpStatusCode.NotFound, (await world.OtherProvider.GetAsync($"/api/v1/orders/{id}/notes"))
            .StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await world.OtherProvider.PostAsJsonAsync(
            $"/api/v1/orders/{id}/notes", new { text = "x" })).StatusCode);

        // Bad input is a problem answer naming the field, and changes nothing.
        foreach (var text in new[] { "", "   ", new string('a', OrderNote.TextLength + 1) })
        {
            var refused = await world.Provider.PostAsJsonAsync($"/api/v1/orders/{id}/notes", new { text });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.True((await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
                .TryGetProperty("text", out _));
        }
        Assert.Single(await NotesAsync(world.Provider, id));

        // The timeline shows the note with its author; the account's page shows only the account's note.
        await page.ReloadAsync();
        var shown = page.Locator("ol.timeline li.note");
        Assert.Equal(1, await shown.CountAsync());
        Assert.Contains("Student belde: liever in het voorjaar.", await shown.InnerTextAsync());
        Assert.Contains(email, await shown.InnerTextAsync());
        Assert.DoesNotContain("Intern: budget goedgekeurd.", await page.Locator("main").InnerTextAsync());
        await ConsoleSteps.AssertAccessibleAsync(page);
        if (app.Provider == DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, "console-order");
    }

    [Fact]
    public async Task Rejecting_asks_first_and_the_dutch_pages_have_no_english_sentence()
    {
        var body = Parse(GuideBody(world.AccountId, world.CourseId, "SM-1"));
        body["customAttributes"]!["secondChoiceStartMomentId"] = "SM-2";
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        await using var planner = await ConsoleSteps.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId), locale: "nl-NL");
        var page = planner.Page;
        await page.GotoAsync(app.Url($"/console/orders/{id}"));
        await AssertNoEnglishAsync(page);
        // At a laptop's width amounts and dates are read whole: none breaks inside itself ("€ / 1.210,00").
        Assert.True(await page.EvaluateAsync<bool>("[...document.querySelectorAll('td.num, time')]" +
            ".every(e => getComputedStyle(e).whiteSpace === 'nowrap')"));

        // Accepting before the legal companies are saved: refused in plain Dutch, the chosen start moment kept.
        var second = page.Locator("form[action*='handler=Accept'] input[value=second]");
        await second.CheckAsync();
        await page.Locator("form[action*='handler=Accept'] button[type=submit]").ClickAsync();
        var refusal = await ConsoleSteps.OutcomeAsync(page);
        Assert.Contains("Kies eerst de juridische entiteit van orderregels 1, 2", refusal);
        Assert.DoesNotContain("PATCH", refusal);
        Assert.True(await second.IsCheckedAsync());

        // Rejecting: a second step that names what happens; nothing is done until it is confirmed.
        var reject = page.Locator("form:has(input[name=target][value=RejectedProvider])");
        await reject.Locator("select").SelectOptionAsync("NoAvailability");
        await reject.Locator("button[type=submit]").ClickAsync();
        var step = page.Locator("section.confirm");
        await Assertions.Expect(step).ToBeVisibleAsync();
        Assert.Contains("Dit kan niet ongedaan worden gemaakt", await step.InnerTextAsync());
        Assert.Equal("PendingProvider", (await GetAsync(world.Provider, id)).GetProperty("status").GetString());
        await ConsoleSteps.AssertAccessibleAsync(page);
        await AssertNoEnglishAsync(page);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            await ConsoleSteps.ScreenshotAsync(page, "console-confirmation-nl");
            await page.SetViewportSizeAsync(390, 844);
            await ConsoleSteps.AssertFitsAsync(page);
            await ConsoleSteps.AssertAccessibleAsync(page);
            await ConsoleSteps.ScreenshotAsync(page, "console-confirmation-phone-nl");
            await page.SetViewportSizeAsync(1360, 900);
        }
        await step.Locator("#confirm-button").ClickAsync();
        await Assertions.Expect(step).ToHaveCountAsync(0);
        Assert.Equal("RejectedProvider", (await GetAsync(world.Provider, id)).GetProperty("status").GetString());
        await AssertNoEnglishAsync(page);

        if (app.Provider != DatabaseProvider.Sqlite) return; // the other pages' words do not depend on the database
        foreach (var path in new[] { "/console/orders", "/console/status-flow", "/console/webhooks",
            "/console/notifications" })
        {
            await page.GotoAsync(app.Url(path));
            await AssertNoEnglishAsync(page);
        }
    }

    [Fact]
    public async Task The_audit_log_says_who_did_what_and_the_admin_pages_fit_a_phone()
    {
        var created = await world.Admin.PostAsJsonAsync("/api/v1/clients",
            new { name = "Audit client", role = "Account", tenantId = world.AccountId });
        var clientId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("clientId").GetString()!;
        var email = await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId);
        await using var admin = await ConsoleSteps.PersonAsync(app, world.Admin, "Admin", null);
        var page = admin.Page;
        await page.GotoAsync(app.Url("/console/admin/people"));
        await page.Locator($"tr[data-person='{email}']").GetByRole(AriaRole.Button, new() { Name = "Disable" })
            .ClickAsync();
        if (app.Provider == DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, "console-confirmation");
        await ConsoleSteps.ConfirmAsync(page);

        await page.GotoAsync(app.Url("/console/admin/audit"));
        var made = page.Locator("#audit-table tr[data-action=ClientCreated]", new() { HasText = clientId });
        Assert.Contains(OrdersApp.AdminId, await made.InnerTextAsync());
        var disabled = page.Locator("#audit-table tr[data-action=PersonDisabled]", new() { HasText = email });
        Assert.Contains(admin.Email, await disabled.InnerTextAsync());
        var invited = page.Locator("#audit-table tr[data-action=PersonInvited]", new() { HasText = email });
        Assert.Contains("Provider", await invited.InnerTextAsync());
        await ConsoleSteps.AssertAccessibleAsync(page);
        if (app.Provider == DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, "console-admin-audit");

        // The layout is the same on both databases: the phone is checked once.
        if (app.Provider != DatabaseProvider.Sqlite) return;
        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/console/admin/people", "/console/admin/clients", "/console/admin/audit",
            "/console/admin", "/console/status-flow" })
        {
            await page.GotoAsync(app.Url(path));
            await ConsoleSteps.AssertFitsAsync(page);
            if (path.StartsWith("/console/admin/", StringComparison.Ordinal))
                await ConsoleSteps.AssertAccessibleAsync(page);
            // Every button is within the window's width.
            foreach (var box in await Task.WhenAll((await page.Locator("main button").AllAsync())
                .Select(b => b.BoundingBoxAsync())))
                Assert.True(box is null || box.X + box.Width <= 390, $"{path}: a button ends at {box?.X + box?.Width}");
            if (path == "/console/admin/people") await ConsoleSteps.ScreenshotAsync(page, "console-admin-people-phone");
        }

        // The admin pages in Dutch, a confirmation included: no English sentence.
        await page.SetViewportSizeAsync(1360, 900);
        await page.Locator("header form[action='/console/language'] button").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        foreach (var path in new[] { "/console/admin", "/console/admin/invoicing", "/console/admin/clients",
            "/console/admin/people", "/console/admin/mail", "/console/admin/audit" })
        {
            await page.GotoAsync(app.Url(path));
            await AssertNoEnglishAsync(page);
        }
        await page.GotoAsync(app.Url("/console/admin/clients"));
        await page.Locator($"tr[data-client='{clientId}'] button.danger").ClickAsync();
        Assert.Contains("intrekken?", await page.Locator("section.confirm").InnerTextAsync());
        await AssertNoEnglishAsync(page);
        await ConsoleSteps.ScreenshotAsync(page, "console-admin-clients-confirmation-nl");
    }

    private static async Task<List<string>> NotesAsync(HttpClient client, Guid id) =>
        [.. (await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}/notes")).GetProperty("items")
            .EnumerateArray().Select(n => n.GetProperty("text").GetString()!)];

    /// <summary>
    /// The Dutch page holds no English console text: no key of the Dutch file whose translation differs (its longest
    /// part between placeholders, of three words or more), and none of the service's own English sentences.
    /// </summary>
    private static async Task AssertNoEnglishAsync(IPage page)
    {
        var shown = await page.Locator("body").InnerTextAsync();
        var english = EnglishFragments().Where(shown.Contains).ToList();
        Assert.True(english.Count == 0, $"{page.Url} shows English:\n" + string.Join("\n", english));
    }

    private static readonly Lazy<List<string>> Fragments = new(() =>
    {
        var texts = XDocument.Load(Path.Combine(Repository.Root, "src", "OpenOrders.Api", "WebConsole",
                "ConsoleText.nl.resx")).Root!.Elements("data")
            .Where(d => (string)d.Attribute("name")! != (string)d.Element("value")!)
            .Select(d => (string)d.Attribute("name")!)
            .Concat(OrderMessages.All);
        return [.. texts.Select(t => Placeholder().Split(t).OrderByDescending(p => p.Length).First().Trim())
            .Where(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3).Distinct()];
    });

    private static List<string> EnglishFragments() => Fragments.Value;

    [GeneratedRegex(@"\{\d+\}|\{\{[a-zA-Z]+\}\}")]
    private static partial Regex Placeholder();
}

// One database: what this class stores is proven on both by the API's tests, and every console page and form is
// loaded on both by the console sweep (ConsoleFuzzTests); a browser flow adds no more on the second (0017).
public sealed class SqliteConsoleWordsTests(SqliteConsoleApp app) : ConsoleWordsTests<SqliteConsoleApp>(app);

/// <summary>Every sentence the order rules write has the console's own words (Dutch: the text test).</summary>
public sealed class ConsoleWordsTemplateTests
{
    [Fact]
    public void Every_template_of_the_order_rules_has_console_words() =>
        Assert.All(OrderMessages.All, template => Assert.True(ConsoleWords.Knows(template), template));
}
