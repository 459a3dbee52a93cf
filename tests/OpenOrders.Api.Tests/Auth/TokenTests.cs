using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Auth;

/// <summary>The token endpoint as RFC 6749 describes it, and what the API does with good and bad tokens.</summary>
public sealed class TokenTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Client_credentials_in_the_form_get_a_one_hour_bearer_token()
    {
        var response = await Token(new() { ["grant_type"] = "client_credentials", ["client_id"] = OrdersApp.AdminId,
            ["client_secret"] = OrdersApp.AdminSecret });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3600, body.GetProperty("expires_in").GetInt32());
        var jwt = new JsonWebToken(body.GetProperty("access_token").GetString());
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.InRange(jwt.ValidTo - jwt.IssuedAt, TimeSpan.FromMinutes(59), TimeSpan.FromMinutes(61));
    }

    [Fact]
    public async Task Client_credentials_in_http_basic_get_a_token_carrying_the_tenant()
    {
        var admin = await app.AdminAsync();
        var accountId = await TestWorld.CreateAsync(admin, "/api/v1/accounts", new { name = "Basic BV" });
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients",
                new { name = "basic", role = "Account", tenantId = accountId }))
            .Content.ReadFromJsonAsync<JsonElement>();

        var client = app.CreateClient();
        var credentials = $"{Uri.EscapeDataString(created.GetProperty("clientId").GetString()!)}:" +
            $"{Uri.EscapeDataString(created.GetProperty("clientSecret").GetString()!)}";
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        var response = await client.PostAsync("/oauth/token",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = "client_credentials" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var jwt = new JsonWebToken((await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("access_token").GetString());
        Assert.Equal("account", jwt.GetClaim("role").Value);
        Assert.Equal(accountId.ToString(), jwt.GetClaim("tenant_id").Value);
    }

    [Theory]
    [InlineData("test-admin", "wrong-secret")]
    [InlineData("no-such-client", "whatever")]
    [InlineData("test-admin", "")]
    public async Task Wrong_credentials_answer_invalid_client(string clientId, string secret)
    {
        var response = await Token(new() { ["grant_type"] = "client_credentials", ["client_id"] = clientId,
            ["client_secret"] = secret });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.NotEmpty(response.Headers.WwwAuthenticate);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.Equal(401, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Another_grant_type_is_unsupported()
    {
        var response = await Token(new() { ["grant_type"] = "password", ["username"] = "a", ["password"] = "b" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unsupported_grant_type",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_request_without_grant_type_or_as_json_is_invalid()
    {
        var missing = await Token(new() { ["client_id"] = OrdersApp.AdminId,
            ["client_secret"] = OrdersApp.AdminSecret });
        Assert.Equal("invalid_request",
            (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        var json = await app.CreateClient().PostAsJsonAsync("/oauth/token", new { grant_type = "client_credentials",
            client_id = OrdersApp.AdminId, client_secret = OrdersApp.AdminSecret });
        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal("invalid_request",
            (await json.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("long key")]
    [InlineData("long value")]
    [InlineData("many fields")]
    public async Task An_oversized_form_is_invalid_request_not_a_server_error(string shape)
    {
        var form = new Dictionary<string, string> { ["grant_type"] = "client_credentials" };
        if (shape == "long key") form[new string('k', 5000)] = "v";
        if (shape == "long value") form["client_id"] = new string('v', 100_000);
        if (shape == "many fields") for (var i = 0; i < 5000; i++) form[$"f{i}"] = "x";

        var response = await Token(form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("invalid_request",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_body_declared_larger_than_the_limit_is_a_413_problem_before_it_is_read()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/accounts")
        {
            Content = new ByteArrayContent(new byte[2 * 1024 * 1024])
            {
                Headers = { ContentType = new("application/json") }
            },
        };
        var response = await (await app.AdminAsync()).SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("1048576 bytes",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_revoked_client_gets_no_new_token()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name = "to revoke", role = "Admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await Token(new() { ["grant_type"] = "client_credentials",
            ["client_id"] = id, ["client_secret"] = secret })).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/clients/{id}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await Token(new() { ["grant_type"] = "client_credentials",
            ["client_id"] = id, ["client_secret"] = secret })).StatusCode);
    }

    [Fact]
    public async Task A_new_clients_secret_is_shown_once_and_stored_only_as_a_slow_hash()
    {
        var admin = await app.AdminAsync();
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients", new { name = "once", role = "Admin" }))
            .Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("clientId").GetString()!;
        var secret = created.GetProperty("clientSecret").GetString()!;

        var list = await admin.GetStringAsync("/api/v1/clients");
        Assert.Contains(id, list);
        Assert.DoesNotContain(secret, list);
        var stored = await app.WithDbAsync(db => Task.FromResult(db.ApiClients.Single(c => c.ClientId == id)));
        Assert.DoesNotContain(secret, stored.SecretHash);
        Assert.StartsWith("pbkdf2-sha256$100000$", stored.SecretHash);
    }

    [Fact]
    public async Task A_client_for_a_tenant_that_does_not_exist_is_refused_and_nothing_is_stored()
    {
        var admin = await app.AdminAsync();
        var before = await app.WithDbAsync(db => Task.FromResult(db.ApiClients.Count()));
        var response = await admin.PostAsJsonAsync("/api/v1/clients",
            new { name = "ghost", role = "Provider", tenantId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("tenantId", out _));
        Assert.Equal(before, await app.WithDbAsync(db => Task.FromResult(db.ApiClients.Count())));
    }

    [Fact]
    public async Task Missing_forged_and_expired_tokens_get_401_problems()
    {
        var anonymous = app.CreateClient();
        await AssertUnauthorized(anonymous);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer",
            Sign(Convert.ToBase64String(Encoding.UTF8.GetBytes("another-key-another-key-another-key!!")),
                DateTime.UtcNow.AddHours(1)));
        await AssertUnauthorized(anonymous);

        anonymous.DefaultRequestHeaders.Authorization = new("Bearer",
            Sign(OrdersApp.SigningKey, DateTime.UtcNow.AddMinutes(-5)));
        await AssertUnauthorized(anonymous);

        // The same token, signed with the right key and not expired, does get in: the checks above are real.
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer",
            Sign(OrdersApp.SigningKey, DateTime.UtcNow.AddMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/api/v1/clients")).StatusCode);
    }

    [Fact]
    public async Task A_role_that_may_never_call_an_endpoint_gets_403()
    {
        var admin = await app.AdminAsync();
        var providerId = await TestWorld.CreateAsync(admin, "/api/v1/providers", new { name = "Geen beheerder" });
        var provider = await TestWorld.ClientForAsync(app, admin, "Provider", providerId);

        var response = await provider.PostAsJsonAsync("/api/v1/clients", new { name = "escalate", role = "Admin" });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static async Task AssertUnauthorized(HttpClient client)
    {
        var response = await client.GetAsync("/api/v1/clients");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    private static string Sign(string base64Key, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "openorders",
            Audience = "openorders-api",
            Subject = new ClaimsIdentity([new Claim("role", "admin"), new Claim("client_id", OrdersApp.AdminId)]),
            NotBefore = expires.AddHours(-1),
            IssuedAt = expires.AddHours(-1),
            Expires = expires,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(base64Key)),
                SecurityAlgorithms.HmacSha256),
        });

    private Task<HttpResponseMessage> Token(Dictionary<string, string> form) =>
        app.CreateClient().PostAsync("/oauth/token", new FormUrlEncodedContent(form));
}
