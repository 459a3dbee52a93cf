using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// Per-client rate limits with the conventions clients know, and the token endpoint's slow-down; both on the app's
/// clock, which the tests move.
/// </summary>
public sealed class LimitsTests(RateLimitedApp app) : IClassFixture<RateLimitedApp>
{
    [Fact]
    public async Task A_client_over_its_bucket_gets_429_with_retry_after_and_the_ratelimit_headers_while_others_go_on()
    {
        var admin = await app.AdminAsync();
        var greedy = await TestWorld.ClientForAsync(app, admin, "Admin", null); // a bucket nobody else has touched
        var other = await TestWorld.ClientForAsync(app, admin, "Admin", null);

        // The clock stands still: the burst of 10 is all there is.
        for (var left = 9; left >= 0; left--)
        {
            var answer = await greedy.GetAsync("/api/v1/enumerations");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            Assert.Equal("\"per-client\";q=10;w=2", answer.Headers.GetValues("RateLimit-Policy").Single());
            Assert.Equal($"\"per-client\";r={left};t=1", answer.Headers.GetValues("RateLimit").Single());
        }
        var refused = await greedy.GetAsync("/api/v1/enumerations");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("1", refused.Headers.GetValues("Retry-After").Single());
        Assert.Equal("\"per-client\";r=0;t=1", refused.Headers.GetValues("RateLimit").Single());
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());

        // A second later the bucket has gained 5, and no more.
        app.Time.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await greedy.GetAsync("/api/v1/enumerations")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await greedy.GetAsync("/api/v1/enumerations")).StatusCode);

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
