using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The console over plain HTTP, as a browser without scripts uses it: its own cookies (over HTTPS, as the console's
/// cookies are Secure), each form posted with the antiforgery token of the page it is on, redirects not followed.
/// For what a real browser adds nothing to: sessions, throttles, bad input.
/// </summary>
public sealed partial class ConsoleHttp
{
    /// <summary>The app's own host, over HTTPS.</summary>
    private readonly Uri origin;

    public CookieContainer Cookies { get; } = new();
    public HttpClient Client { get; }

    public ConsoleHttp(OrdersApp app, string? cookieHeader = null)
    {
        origin = new Uri("https://" + app.ClientOptions.BaseAddress.Host);
        Client = app.CreateDefaultClient(origin, new CookieContainerHandler(Cookies));
        if (cookieHeader is not null) Cookies.SetCookies(origin, cookieHeader.Replace("; ", ","));
    }

    /// <summary>The cookies a browser would send, to be replayed by another <see cref="ConsoleHttp"/>.</summary>
    public string CookieHeader => Cookies.GetCookieHeader(origin);

    public static async Task<ConsoleHttp> SignInAsync(OrdersApp app, string email,
        string password = ConsoleSteps.Password)
    {
        var console = new ConsoleHttp(app);
        var response = await console.SignInResponseAsync(email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"Sign-in answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return console;
    }

    public Task<HttpResponseMessage> SignInResponseAsync(string email, string password) =>
        PostFormAsync("/console/sign-in", new() { ["Email"] = email, ["Password"] = password });

    /// <summary>Opens the page the form is on, then posts the form with that page's antiforgery token.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields,
        string? formPage = null)
    {
        var page = await Client.GetStringAsync(formPage ?? path);
        var token = AntiforgeryToken().Match(page);
        Assert.True(token.Success, $"{formPage ?? path} has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
