using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.People;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>A person of the console, signed in in their own browser context (their own cookies).</summary>
public sealed record SignedInPerson(string Email, string Password, IBrowserContext Context,
    IPage Page) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => new(Context.CloseAsync());
}

/// <summary>The console's steps as a person takes them, in a real browser.</summary>
public static class ConsoleSteps
{
    public const string Password = "Test-password-42";

    /// <summary>
    /// An admin invites the person over the API and the person sets <see cref="Password"/> with the link, as the
    /// set-password page does (the page itself is walked in a browser by <see cref="SetPasswordAsync"/>'s test).
    /// </summary>
    public static async Task<string> InviteAsync(OrdersApp app, HttpClient admin, string role, Guid? tenantId,
        string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}.{Guid.NewGuid():N}"[..20] + "@example.test";
        var response = await admin.PostAsJsonAsync("/api/v1/people", new { email, role, tenantId });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/people answered {(int)response.StatusCode}: {text}");
        var link = new Uri(JsonDocument.Parse(text).RootElement.GetProperty("setPasswordLink").GetString()!);
        var query = QueryHelpers.ParseQuery(link.Query);
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Invitations>()
            .SetPasswordAsync(Guid.Parse(query["person"]!), query["token"]!, Password);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
        return email;
    }

    /// <summary>
    /// The invited person opens their link in a browser of their own and chooses <see cref="Password"/>.
    /// </summary>
    public static async Task SetPasswordAsync(ConsoleApp app, string link)
    {
        await using var context = await Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.BaseUrl + new Uri(link).PathAndQuery);
        await page.GetByLabel("New password").FillAsync(Password);
        await page.GetByLabel("The same password again").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        // Polls what the page shows: waiting on navigation events (load, then commit) timed out now and then on a
        // busy machine although the sign-in page had arrived.
        await Assertions.Expect(page.GetByText("Your password is set. Sign in with it."))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.EndsWith("/console/sign-in", new Uri(page.Url).AbsolutePath);
    }

    public static async Task<SignedInPerson> SignInAsync(ConsoleApp app, string email, string password = Password,
        string locale = "en-GB")
    {
        var context = await Browser.NewContextAsync(locale);
        var page = await context.NewPageAsync();
        await page.GotoAsync(app.Url("/console"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await ArrivedAtAsync(page, "/console/orders", 60_000);
        await Assertions.Expect(page.Locator("main h1")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        return new SignedInPerson(email, password, context, page);
    }

    /// <summary>Invites a person and signs them in.</summary>
    public static async Task<SignedInPerson> PersonAsync(ConsoleApp app, HttpClient admin, string role,
            Guid? tenantId) =>
        await SignInAsync(app, await InviteAsync(app, admin, role, tenantId));

    /// <summary>
    /// Waits until the page's address matches <paramref name="pattern"/> (a regular expression), polling the address.
    /// Waiting for navigation events instead timed out now and then although the page had arrived: Playwright's
    /// WaitForURL, when the address already matches, waits for a load event that may already have passed.
    /// </summary>
    public static Task ArrivedAtAsync(IPage page, string pattern, float timeout = 30_000) =>
        Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(pattern),
            new() { Timeout = timeout });

    /// <summary>The outcome the page announces (role=status) after an action.</summary>
    public static async Task<string> OutcomeAsync(IPage page) =>
        (await page.Locator("main > [role=status]").InnerTextAsync()).Trim();

    /// <summary>
    /// The second step of an irreversible action: the page asks (naming what will happen) instead of acting, and only
    /// its own button acts. Answers the question and its consequences, after confirming.
    /// </summary>
    public static async Task<string> ConfirmAsync(IPage page)
    {
        var step = page.Locator("section.confirm");
        await Assertions.Expect(step).ToBeVisibleAsync();
        var text = (await step.InnerTextAsync()).Trim();
        await step.Locator("#confirm-button").ClickAsync();
        await Assertions.Expect(step).ToHaveCountAsync(0);
        return text;
    }

    /// <summary>The page is no wider than the window: nothing makes it scroll sideways.</summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        var (content, window) = (await page.EvaluateAsync<int>("document.documentElement.scrollWidth"),
            await page.EvaluateAsync<int>("window.innerWidth"));
        Assert.True(content <= window, $"{page.Url} is {content} px wide in a window of {window} px.");
    }

    /// <summary>
    /// No WCAG 2.2 A or AA violation that axe-core can find on the page as it is now. Pages that frame a mail leave
    /// its frame out (<paramref name="frames"/> false): it is sandboxed without scripts, so axe cannot enter it, and
    /// the mails are checked on their own.
    /// </summary>
    public static async Task AssertAccessibleAsync(IPage page, bool frames = true)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            Iframes = frames,
            RunOnly = new RunOnlyOptions
            {
                Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
            },
        });
        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} — {string.Join("; ", v.Nodes.Take(3).Select(n => n.Html))}").ToList();
        Assert.True(violations.Count == 0, $"{page.Url}:\n" + string.Join("\n", violations));
    }

    /// <summary>Writes the page as docs/images/{name}.png for the README.</summary>
    public static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Infrastructure.Repository.Root, "docs", "images", name + ".png"), FullPage = true
        });
}
