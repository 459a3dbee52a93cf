using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OpenOrders.Api.Mail;
using OpenOrders.Api.People;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Tests.WebConsole;
using OpenOrders.Bench;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Mail;

/// <summary>
/// The console's mail pages in a real browser: a person's Notifications, "Forgot password?", and the admin's outbox,
/// message and template pages, in both languages, axe-clean, with the mails themselves looked at as people see them.
/// </summary>
public abstract class MailPagesTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : MailConsoleApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_provider_chooses_english_mail_for_each_new_order_on_the_dutch_notifications_page()
    {
        var email = await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId);
        await using var person = await ConsoleSteps.SignInAsync(app, email, locale: "nl-NL");
        var page = person.Page;
        await page.GetByRole(AriaRole.Link, new() { Name = "Meldingen" }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, "/console/notifications$");
        Assert.Equal("Meldingen", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.True(await page.GetByLabel("Eén mail per dag als er bestellingen wachten").IsCheckedAsync()); // the default
        await ConsoleSteps.AssertAccessibleAsync(page);
        await ScreenshotAsync(page, "console-notifications");

        await page.GetByLabel("Een mail voor elke nieuwe bestelling").CheckAsync();
        await page.GetByLabel("English").CheckAsync();
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal("Your notification settings are saved.", await ConsoleSteps.OutcomeAsync(page));
        // The admin API reads what the person chose.
        var listed = (await world.Admin.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/v1/people"))
            .GetProperty("items").EnumerateArray().Single(p => p.GetProperty("email").GetString() == email);
        Assert.Equal(("en", "AtOnce", true), (listed.GetProperty("language").GetString(),
            listed.GetProperty("waitingOrdersMail").GetString(),
            listed.GetProperty("webhookProblemsMail").GetBoolean()));

        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        bool NewOrder(ReceivedMail m) => m.To == email && m.Message.Subject!.StartsWith("New order");
        var mail = (await app.Sink.WaitForAsync(r => r.Any(NewOrder))).Single(NewOrder);
        Assert.Contains("waits for your acceptance", mail.Text);
        Assert.Equal(id, await app.WithDbAsync(db => db.MailMessages
            .Where(m => m.To == email && m.Kind == MailKind.ProviderOrderWaiting).Select(m => m.OrderId)
            .SingleAsync()));

        // On a phone: the page fits without sideways scrolling.
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await ScreenshotAsync(page, "console-notifications-phone");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"),
            "The page scrolls sideways: " + await page.EvaluateAsync<int>("document.documentElement.scrollWidth"));
        await ConsoleSteps.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Forgot_password_mails_a_link_that_sets_a_new_password_and_says_the_same_for_strangers()
    {
        var email = await ConsoleSteps.InviteAsync(app, world.Admin, "Account", world.AccountId);
        await using var context = await Browser.NewContextAsync("nl-NL");
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/console/sign-in"));
        await page.GetByRole(AriaRole.Link, new() { Name = "Wachtwoord vergeten?" }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, "/console/forgot-password$");
        await ConsoleSteps.AssertAccessibleAsync(page);

        var stranger = $"nobody.{Guid.NewGuid():N}"[..16] + "@example.test";
        await page.Locator("#email").FillAsync(stranger);
        await page.Locator("main form button[type=submit]").ClickAsync();
        var strangerAnswer = (await page.Locator("main .outcome.succeeded").InnerTextAsync()).Replace(stranger, "…");

        await page.GotoAsync(app.Url("/console/forgot-password"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Equal(strangerAnswer,
            (await page.Locator("main .outcome.succeeded").InnerTextAsync()).Replace(email, "…"));
        await ScreenshotAsync(page, "console-forgot-password");

        bool Reset(ReceivedMail m) => m.To == email && m.Message.Subject == "Kies een nieuw wachtwoord";
        var mail = (await app.Sink.WaitForAsync(r => r.Any(Reset))).Single(Reset);
        Assert.DoesNotContain(app.Sink.Received, m => m.To == stranger);
        var link = System.Text.RegularExpressions.Regex.Match(mail.Text, @"http\S+reset=1").Value;
        await page.GotoAsync(app.BaseUrl + new Uri(link).PathAndQuery);
        await page.Locator("#password").FillAsync("Een-nieuw-wachtwoord-1");
        await page.Locator("#confirmation").FillAsync("Een-nieuw-wachtwoord-1");
        await page.Locator("main form button[type=submit]").ClickAsync();
        try { await ConsoleSteps.ArrivedAtAsync(page, "/console/sign-in$", 10_000); }
        catch (PlaywrightException) { Assert.Fail(page.Url + ": " + await page.Locator("main").InnerTextAsync()); }
        await using (await ConsoleSteps.SignInAsync(app, email, "Een-nieuw-wachtwoord-1")) { }

        // The link worked once.
        await page.GotoAsync(app.BaseUrl + new Uri(link).PathAndQuery);
        await page.Locator("#password").FillAsync("Nog-een-wachtwoord-2");
        await page.Locator("#confirmation").FillAsync("Nog-een-wachtwoord-2");
        await page.Locator("main form button[type=submit]").ClickAsync();
        Assert.Contains("niet meer geldig", await page.Locator("main").InnerTextAsync());
    }

    [Fact]
    public async Task An_admin_reads_each_mail_as_its_recipient_sees_it_and_sends_one_again()
    {
        var student = $"student.{Guid.NewGuid():N}"[..18] + "@example.test";
        var body = Parse(GuideBody(world.AccountId, world.CourseId, "SM-1"));
        body["customer"]!["email"] = student;
        body["customer"]!["middleName"] = "de";
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        await CompleteOrderLinesAsync(world.Provider, await WaitUntilValidatedAsync(world.Provider, id));
        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(world.Provider, id, new { status = "AcceptedByProvider" })).StatusCode);
        var first = (await app.Sink.WaitForAsync(r => r.Any(m => m.To == student))).Single(m => m.To == student);

        await using var admin = await ConsoleSteps.PersonAsync(app, world.Admin, "Admin", null);
        var page = admin.Page;
        await page.GotoAsync(app.Url($"/console/admin/mail?to={Uri.EscapeDataString(student)}"));
        await ConsoleSteps.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = first.Message.Subject! }).ClickAsync();
        await ConsoleSteps.ArrivedAtAsync(page, "/console/admin/mail/[^/?]+$");
        // The frame's document, fetched with the admin's cookies: the mail's HTML under a policy of its own.
        var framed = await page.APIRequest.GetAsync(app.BaseUrl +
            await page.Locator("iframe.mail-frame").GetAttributeAsync("src"));
        Assert.Contains("Beste Test,", await framed.TextAsync());
        Assert.Contains("sandbox", framed.Headers["content-security-policy"]);
        Assert.Contains("Hilversum", await page.Locator("pre.mail-text").InnerTextAsync());
        await ConsoleSteps.AssertAccessibleAsync(page, frames: false);
        await ScreenshotAsync(page, "console-admin-mail");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send again" }).ClickAsync();
        Assert.Contains("as the same message", await ConsoleSteps.OutcomeAsync(page));
        var both = await app.Sink.WaitForAsync(r => r.Count(m => m.To == student) == 2);
        Assert.Single(both.Where(m => m.To == student).Select(m => m.MessageId).Distinct());
    }

    private static string Kebab(MailKind kind) =>
        System.Text.RegularExpressions.Regex.Replace(kind.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant();

    private async Task ScreenshotAsync(IPage page, string name)
    {
        if (app.Provider == Data.DatabaseProvider.Sqlite) await ConsoleSteps.ScreenshotAsync(page, name);
    }
}

// One database: what this class stores is proven on both by the API's tests, and every console page and form is
// loaded on both by the console sweep (ConsoleFuzzTests); a browser flow adds no more on the second (0017).
public sealed class PostgresMailPagesTests(PostgresMailConsoleApp app) : MailPagesTests<PostgresMailConsoleApp>(app);

/// <summary>
/// Every template with its sample data, on the admin's preview page and alone as a mail client shows it, at a
/// desktop's and a phone's width. Nothing is stored, so one database is enough.
/// </summary>
public sealed class MailTemplatePreviewTests(SqliteMailConsoleApp app) : IClassFixture<SqliteMailConsoleApp>,
    IAsyncLifetime
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_admin_previews_every_template_in_both_languages_and_on_a_phone()
    {
        await using var admin = await ConsoleSteps.PersonAsync(app, world.Admin, "Admin", null);
        var page = admin.Page;
        foreach (var language in new[] { "nl", "en" })
        {
            await page.GotoAsync(app.Url($"/console/admin/mail/templates?lang={language}"));
            Assert.Equal(Enum.GetValues<MailKind>().Length, await page.Locator("iframe.mail-frame").CountAsync());
            await ConsoleSteps.AssertAccessibleAsync(page, frames: false);
        }

        // The mails alone, as a mail client shows them: the same renderer and samples, at a desktop's and a phone's
        // width (the admin's frame is sandboxed without scripts, so the page is measured here).
        await using var renderer = new MailRenderer();
        await using var context = await Browser.NewContextAsync();
        var mailPage = await context.NewPageAsync();
        var dutchBodies = new List<string>();
        foreach (var language in new[] { "nl", "en" })
            foreach (var kind in Enum.GetValues<MailKind>())
            {
                var text = new MailText(language, TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam"));
                var rendered = await renderer.RenderAsync(
                    MailSamples.For(kind, text, "https://orders.example.test", app.Time.GetUtcNow()), language);
                await mailPage.SetViewportSizeAsync(1360, 900);
                await mailPage.SetContentAsync(rendered.Html);
                if (language == "nl") dutchBodies.Add(await mailPage.InnerHTMLAsync("body"));
                if (kind is MailKind.StudentAccepted or MailKind.AccountApprovalWaiting)
                    await ConsoleSteps.ScreenshotAsync(mailPage, $"mail-{Kebab(kind)}-{language}");
                await mailPage.SetViewportSizeAsync(390, 844);
                Assert.True(await mailPage.EvaluateAsync<bool>("document.documentElement.scrollWidth <= innerWidth"),
                    $"{kind} in {language} scrolls sideways on a phone.");
                if (kind == MailKind.StudentAccepted)
                    await ConsoleSteps.ScreenshotAsync(mailPage, $"mail-{Kebab(kind)}-{language}-phone");
            }

        // Every mail's markup (the same in both languages) checked by axe at once: one document holding each body.
        await mailPage.SetContentAsync("<!DOCTYPE html><html lang=\"nl\"><head><title>Mails</title></head><body>" +
            string.Concat(dutchBodies.Select(body => $"<section>{body}</section>")) + "</body></html>");
        Assert.Equal(Enum.GetValues<MailKind>().Length, await mailPage.Locator("body > section").CountAsync());
        await ConsoleSteps.AssertAccessibleAsync(mailPage);
    }

    private static string Kebab(MailKind kind) =>
        System.Text.RegularExpressions.Regex.Replace(kind.ToString(), "(?<!^)([A-Z])", "-$1").ToLowerInvariant();
}
