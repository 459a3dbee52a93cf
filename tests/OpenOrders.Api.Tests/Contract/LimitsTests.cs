using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>Per-client rate limits with the conventions clients know, and the token endpoint's slow-down.</summary>
public sealed class LimitsTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_client_over_its_bucket_gets_429_with_retry_after_and_the_ratelimit_headers_while_others_go_on()
    {
        var admin = await app.AdminAsync();
        var greedy = await TestWorld.ClientForAsync(app, admin, "Admin", null); // a bucket nobody else has touched
        var other = await TestWorld.ClientForAsync(app, admin, "Admin", null);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var answers = new List<HttpResponseMessage> { await greedy.GetAsync("/api/v1/enumerations") };
        Assert.Equal("\"per-client\";q=10;w=2", answers[0].Headers.GetValues("RateLimit-Policy").Single());
        Assert.Matches("^\"per-client\";r=\\d+;t=1$", answers[0].Headers.GetValues("RateLimit").Single());

        while (answers.Count < 200 && answers[^1].StatusCode != HttpStatusCode.TooManyRequests)
            answers.Add(await greedy.GetAsync("/api/v1/enumerations"));
        var refills = (int)clock.Elapsed.TotalSeconds + 1; // the bucket gains 5 at each whole second it has lived
        var refused = answers.First(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        // the whole burst, no more than refilled
        Assert.InRange(answers.Count(a => a.IsSuccessStatusCode), 10, 10 + 5 * refills);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single()) >= 1);
        Assert.Matches("^\"per-client\";r=0;t=\\d+$", refused.Headers.GetValues("RateLimit").Single());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        // Another client has a bucket of its own.
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/enumerations")).StatusCode);
    }

    [Fact]
    public async Task Wrong_secrets_slow_a_client_id_down_and_the_right_secret_works_once_the_minute_has_passed()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name = "guessed", role = "Admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        for (var i = 0; i < 10; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await TokenAsync(id, "wrong-" + i)).StatusCode);

        var slowed = await TokenAsync(id, secret);
        Assert.Equal(HttpStatusCode.TooManyRequests, slowed.StatusCode);
        Assert.InRange(int.Parse(slowed.Headers.GetValues("Retry-After").Single()), 1, 60);
        Assert.Equal("slow_down",
            (await slowed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        app.Time.Advance(TimeSpan.FromSeconds(61));
        Assert.Equal(HttpStatusCode.OK, (await TokenAsync(id, secret)).StatusCode);
    }

    private Task<HttpResponseMessage> TokenAsync(string id, string secret) =>
        app.CreateClient().PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = id, ["client_secret"] = secret,
        }));
}
