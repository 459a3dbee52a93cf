using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.People;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.People;

/// <summary>/api/v1/people: the admin invites, re-invites and disables the console's people, per database.</summary>
public abstract class PeopleApiTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private const string Password = "Test-password-42";
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_invitation_answers_201_with_a_link_that_sets_the_password_once()
    {
        var email = NewEmail();
        var response = await world.Admin.PostAsJsonAsync("/api/v1/people",
            new { email, role = "Account", tenantId = world.AccountId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var person = body.GetProperty("person");
        var id = person.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/people/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal(email, person.GetProperty("email").GetString());
        Assert.Equal("Account", person.GetProperty("role").GetString());
        Assert.Equal(world.AccountId, person.GetProperty("tenantId").GetGuid());
        Assert.False(person.GetProperty("hasSetPassword").GetBoolean());
        var link = body.GetProperty("setPasswordLink").GetString()!;
        Assert.Contains($"/console/set-password?person={id}&token=", link);
        Assert.Equal(app.Time.GetUtcNow().AddDays(7), body.GetProperty("linkExpiresAt").GetDateTimeOffset(),
            TimeSpan.FromSeconds(5));

        // The list never shows a link again.
        var list = await world.Admin.GetStringAsync("/api/v1/people");
        Assert.Contains(email, list);
        Assert.DoesNotContain(Token(link), list);
        Assert.DoesNotContain("setPasswordLink", list);

        Assert.True((await SetPasswordAsync(link)).Succeeded);
        Assert.False((await SetPasswordAsync(link)).Succeeded); // once
        Assert.True(Listed(await ListAsync(), email).GetProperty("hasSetPassword").GetBoolean());
    }

    [Fact]
    public async Task A_second_invitation_for_the_same_email_is_refused()
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.Created, (await InviteAsync(email, "Admin", null)).StatusCode);

        foreach (var again in new[] { email, email.ToUpperInvariant() })
        {
            var response = await InviteAsync(again, "Provider", world.ProviderId);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("invited already", Error(await response.Content.ReadFromJsonAsync<JsonElement>(), "email"));
        }
        Assert.Single((await ListAsync()).EnumerateArray(),
            p => string.Equals(p.GetProperty("email").GetString(), email, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("Account", "none", "tenantId")]
    [InlineData("Provider", "none", "tenantId")]
    [InlineData("Provider", "account", "tenantId")] // an account's id is no provider
    [InlineData("Admin", "account", "tenantId")]
    [InlineData("System", "none", "role")]
    [InlineData(null, "none", "role")]
    public async Task The_tenancy_rule_refuses_a_role_without_its_tenant(string? role, string tenant, string property)
    {
        var email = NewEmail();
        var response = await InviteAsync(email, role, tenant == "account" ? world.AccountId : null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotEmpty(Error(await response.Content.ReadFromJsonAsync<JsonElement>(), property));
        Assert.DoesNotContain(email, await world.Admin.GetStringAsync("/api/v1/people"));
    }

    [Fact]
    public async Task Only_an_admin_manages_people()
    {
        var body = new { email = NewEmail(), role = "Admin" };
        Assert.Equal(HttpStatusCode.Forbidden,
            (await world.Account.PostAsJsonAsync("/api/v1/people", body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await world.Provider.GetAsync("/api/v1/people")).StatusCode);
        var listed = await world.Admin.GetFromJsonAsync<JsonElement>("/api/v1/people");
        var someone = listed.GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Forbidden, (await ActAsync(world.Account, someone, "disable")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await app.CreateClient().PostAsJsonAsync("/api/v1/people", body)).StatusCode);
    }

    [Fact]
    public async Task A_new_link_makes_the_old_one_stop_working()
    {
        var (id, oldLink) = await InvitedAsync(NewEmail());

        var response = await ActAsync(world.Admin, id, "invitation");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var newLink = (await response.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("setPasswordLink").GetString()!;
        Assert.NotEqual(Token(oldLink), Token(newLink));

        var refused = await SetPasswordAsync(oldLink);
        Assert.Equal("InvalidToken", Assert.Single(refused.Errors).Code);
        Assert.True((await SetPasswordAsync(newLink)).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(world.Admin, Guid.NewGuid(), "invitation")).StatusCode);
    }

    [Fact]
    public async Task A_disabled_person_keeps_the_first_date_and_gets_no_new_link()
    {
        var email = NewEmail();
        var (id, link) = await InvitedAsync(email);

        var first = await ActAsync(world.Admin, id, "disable");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var disabledAt = (await first.Content.ReadFromJsonAsync<JsonElement>())
            .GetProperty("dateDisabled").GetDateTimeOffset();
        app.Time.Advance(TimeSpan.FromMinutes(5));
        var again = await (await ActAsync(world.Admin, id, "disable")).Content.ReadFromJsonAsync<JsonElement>();
        // The first answer has the clock's ticks; what is read back has the database's precision.
        var precision = TimeSpan.FromMilliseconds(1);
        Assert.Equal(disabledAt, again.GetProperty("dateDisabled").GetDateTimeOffset(), precision);
        var listed = Listed(await ListAsync(), email);
        Assert.Equal(disabledAt, listed.GetProperty("dateDisabled").GetDateTimeOffset(), precision);

        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(world.Admin, id, "invitation")).StatusCode);
        Assert.False((await SetPasswordAsync(link)).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await ActAsync(world.Admin, Guid.NewGuid(), "disable")).StatusCode);
    }

    private static string NewEmail() => $"person.{Guid.NewGuid():N}"[..20] + "@example.test";

    private Task<HttpResponseMessage> InviteAsync(string email, string? role, Guid? tenantId) =>
        world.Admin.PostAsJsonAsync("/api/v1/people", new { email, role, tenantId });

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, Guid person, string action) =>
        client.PostAsync($"/api/v1/people/{person}/{action}", null);

    private async Task<(Guid Id, string Link)> InvitedAsync(string email)
    {
        var response = await InviteAsync(email, "Provider", world.ProviderId);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("person").GetProperty("id").GetGuid(),
            body.GetProperty("setPasswordLink").GetString()!);
    }

    private async Task<JsonElement> ListAsync() =>
        (await world.Admin.GetFromJsonAsync<JsonElement>("/api/v1/people")).GetProperty("items");

    private static JsonElement Listed(JsonElement people, string email) =>
        people.EnumerateArray().Single(p => p.GetProperty("email").GetString() == email);

    private static string Error(JsonElement problem, string property) =>
        string.Join(" ", problem.GetProperty("errors").GetProperty(property).EnumerateArray()
            .Select(e => e.GetString()));

    private static string Token(string link) => QueryHelpers.ParseQuery(new Uri(link).Query)["token"].ToString();

    /// <summary>What the set-password page does with the link (the page itself is a browser test's).</summary>
    private async Task<Microsoft.AspNetCore.Identity.IdentityResult> SetPasswordAsync(string link)
    {
        var query = QueryHelpers.ParseQuery(new Uri(link).Query);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Invitations>()
            .SetPasswordAsync(Guid.Parse(query["person"]!), query["token"]!, Password);
    }
}

public sealed class SqlitePeopleApiTests(SqliteApp app) : PeopleApiTests<SqliteApp>(app);

public sealed class PostgresPeopleApiTests(PostgresApp app) : PeopleApiTests<PostgresApp>(app);
