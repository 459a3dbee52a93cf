using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Tests.WebConsole;

namespace OpenOrders.Api.Tests.Service;

/// <summary>
/// What a probe from outside finds in Production: who is told what about failed sign-ins, whom forwarded headers
/// are believed from, which hosts and links the service answers with, metrics, headers and error wording.
/// </summary>
public abstract partial class ProductionTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : ProductionApp
{
    [Fact]
    public async Task Wrong_secrets_from_one_address_slow_that_address_down_not_the_client_elsewhere()
    {
        var (id, secret) = await NewClientAsync();
        for (var i = 0; i < 10; i++) Assert.Equal(401, await TokenFromAsync("203.0.113.5", id, "wrong-" + i));

        Assert.Equal(429, await TokenFromAsync("203.0.113.5", id, secret));
        Assert.Equal(200, await TokenFromAsync("198.51.100.7", id, secret));
    }

    [Fact]
    public async Task A_forwarded_address_is_believed_only_from_a_known_proxy()
    {
        var (id, secret) = await NewClientAsync();
        // A client that names a new address in each request is still one address.
        for (var i = 0; i < 10; i++)
            Assert.Equal(401, await TokenFromAsync("203.0.113.9", id, "wrong-" + i, forwardedFor: $"192.0.2.{i}"));
        Assert.Equal(429, await TokenFromAsync("203.0.113.9", id, secret, forwardedFor: "192.0.2.99"));

        // Through the proxy the service trusts, the client's own address counts, and it is a clean one.
        Assert.Equal(200, await TokenFromAsync(ProductionApp.Proxy, id, secret, forwardedFor: "198.51.100.20"));
    }

    [Fact]
    public async Task Wrong_passwords_answer_alike_for_an_existing_and_an_unknown_address()
    {
        var email = await ConsoleSteps.InviteAsync(app, await app.AdminAsync(), "Admin", null);
        var console = new ConsoleHttp(app);
        var known = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < 7; i++)
        {
            known.Add(await ProblemOfAsync(await console.SignInResponseAsync(email, "Wrong-password-" + i)));
            unknown.Add(await ProblemOfAsync(
                await console.SignInResponseAsync("nobody." + email, "Wrong-password-" + i)));
        }

        Assert.Equal(known, unknown);
        Assert.Contains("not right", known[0]);
        Assert.Contains("Too many failed attempts", known[^1]);
        // What was typed as an address stays out of the operator's log (it may be a password in the wrong box).
        Assert.Contains(app.Logs.Messages, m => m.StartsWith("Console sign-in refused", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Logs.Messages, m => m.Contains(email, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void A_callback_url_is_logged_without_its_query()
    {
        Assert.Equal("https://receiver.example/hooks/orders",
            OpenOrders.Api.Webhooks.WebhookDispatcher.Logged("https://receiver.example/hooks/orders?token=s3cret#x"));
        Assert.Equal("(not a URL)", OpenOrders.Api.Webhooks.WebhookDispatcher.Logged("not a url"));
    }

    [Fact]
    public async Task Metrics_need_the_metrics_token()
    {
        var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", "not-the-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/metrics")).StatusCode);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", ProductionApp.MetricsToken);
        var scrape = await anonymous.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, scrape.StatusCode);
        Assert.Contains("http_server_request_duration", await scrape.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_host_is_refused_and_links_use_the_public_address()
    {
        var admin = await app.AdminAsync();
        using var evil = new HttpRequestMessage(HttpMethod.Post, "/api/v1/people")
        {
            Content = JsonContent.Create(new { email = "evil@example.test", role = "Admin" }),
        };
        evil.Headers.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.SendAsync(evil)).StatusCode);

        var invited = await (await admin.PostAsJsonAsync("/api/v1/people",
            new { email = $"linked.{Guid.NewGuid():N}@example.test", role = "Admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.StartsWith($"https://{ProductionApp.PublicHost}/console/set-password?",
            invited.GetProperty("setPasswordLink").GetString());
    }

    [Fact]
    public async Task Https_answers_carry_hsts_and_the_console_cookies_are_secure()
    {
        var live = await app.CreateClient().GetAsync("/health/live");
        Assert.Equal("max-age=31536000", live.Headers.GetValues("Strict-Transport-Security").Single());

        var tempData = app.Services.GetRequiredService<IOptions<CookieTempDataProviderOptions>>().Value.Cookie;
        Assert.Equal(CookieSecurePolicy.Always, tempData.SecurePolicy);
        var signIn = await new ConsoleHttp(app).Client.GetAsync("/console/sign-in");
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie));
    }

    [Fact]
    public async Task Errors_do_not_say_why_a_token_failed_nor_name_dotnet_types()
    {
        var forged = app.CreateClient();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl");
        var refused = await forged.GetAsync("/api/v1/orders");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Bearer", refused.Headers.WwwAuthenticate.Single().ToString());

        var admin = await app.AdminAsync();
        var badLimit = await admin.GetAsync("/api/v1/orders?limit=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
        var detail = (await badLimit.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;
        Assert.Contains("\"limit\"", detail);
        Assert.DoesNotContain("Nullable", detail);
        Assert.DoesNotContain("Int32", detail);
    }

    [Fact]
    public async Task Another_providers_course_id_is_answered_as_unusable_not_as_taken()
    {
        var world = await TestWorld.CreateAsync(app);
        var body = TestWorld.CourseBody("Overgenomen", app.Time.GetUtcNow());
        body["id"] = world.OtherCourseId.ToString();
        var theirs = await world.Provider.PostAsync("/api/v1/courses",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, theirs.StatusCode);
        Assert.True((await theirs.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("id", out _));

        body["id"] = world.CourseId.ToString();
        var mine = await world.Provider.PostAsync("/api/v1/courses",
            new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Conflict, mine.StatusCode);
    }

    private async Task<(string Id, string Secret)> NewClientAsync()
    {
        var created = await (await (await app.AdminAsync()).PostAsJsonAsync("/api/v1/clients",
            new { name = "guessed", role = "Admin" })).Content.ReadFromJsonAsync<JsonElement>();
        return (created.GetProperty("clientId").GetString()!, created.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>A token request as it arrives from <paramref name="source"/>, over HTTPS to the public host.</summary>
    private async Task<int> TokenFromAsync(string source, string id, string secret, string? forwardedFor = null)
    {
        var body = Encoding.UTF8.GetBytes(
            $"grant_type=client_credentials&client_id={id}&client_secret={Uri.EscapeDataString(secret)}");
        var context = await app.Server.SendAsync(http =>
        {
            http.Request.Method = "POST";
            http.Request.Scheme = "https";
            http.Request.Host = new HostString(ProductionApp.PublicHost);
            http.Request.Path = "/oauth/token";
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.ContentLength = body.Length;
            http.Request.Body = new MemoryStream(body);
            http.Connection.RemoteIpAddress = IPAddress.Parse(source);
            if (forwardedFor is not null) http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        });
        return context.Response.StatusCode;
    }

    private static async Task<string> ProblemOfAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(Alert().Match(await response.Content.ReadAsStringAsync()).Groups[1].Value);

    [GeneratedRegex("role=\"alert\">([^<]*)<")]
    private static partial Regex Alert();
}

public sealed class SqliteProductionTests(ProductionSqliteApp app) : ProductionTests<ProductionSqliteApp>(app);

public sealed class PostgresProductionTests(ProductionPostgresApp app) : ProductionTests<ProductionPostgresApp>(app);
