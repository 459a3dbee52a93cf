using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Catalog;

/// <summary>Catalog reads and writes with tenancy, on both databases.</summary>
public abstract class CatalogTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_provider_reads_its_own_course_with_start_moments_and_prices()
    {
        var course = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{world.CourseId}");

        Assert.Equal("Projectmanagement", course.GetProperty("name").GetString());
        Assert.Equal(world.ProviderId, course.GetProperty("providerId").GetGuid());
        // Links start with the configured public address (by default the one `dotnet run` listens on), not the Host.
        Assert.StartsWith("http://localhost:5080/api/v1/courses/", course.GetProperty("url").GetString());
        var moments = course.GetProperty("learningMethod").GetProperty("planning").GetProperty("startMoments");
        Assert.Equal(["SM-1", "SM-2", "SM-3"],
            moments.EnumerateArray().Select(m => m.GetProperty("externalId").GetString()));
        Assert.All(moments.EnumerateArray(), m => Assert.NotEqual(Guid.Empty, m.GetProperty("id").GetGuid()));
        var prices = course.GetProperty("priceComponents").EnumerateArray().ToList();
        Assert.Equal(["CourseFee", "ExamFee"], prices.Select(p => p.GetProperty("costType").GetString()));
        Assert.Equal(250.5m, prices[1].GetProperty("amountWithoutVat").GetDecimal());
        Assert.Equal("Cursusgeld", prices[0].GetProperty("costTypeDisplayValue").GetString());
    }

    [Fact]
    public async Task A_provider_cannot_read_or_replace_another_providers_course()
    {
        var read = await world.OtherProvider.GetAsync($"/api/v1/courses/{world.CourseId}");
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);

        var body = TestWorld.CourseBody("Overgenomen", app.Time.GetUtcNow());
        var replace = await world.OtherProvider.PutAsJsonAsync($"/api/v1/courses/{world.CourseId}", body);
        Assert.Equal(HttpStatusCode.NotFound, replace.StatusCode);

        var course = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{world.CourseId}");
        Assert.Equal("Projectmanagement", course.GetProperty("name").GetString());

        var list = await world.OtherProvider.GetFromJsonAsync<JsonElement>("/api/v1/courses");
        Assert.Equal([world.OtherCourseId],
            list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task A_provider_replaces_its_course_and_start_moments_keep_their_ids()
    {
        var before = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{world.CourseId}");
        var idOfSm2 = Moments(before).Single(m => m.GetProperty("externalId").GetString() == "SM-2")
            .GetProperty("id").GetGuid();

        var body = TestWorld.CourseBody("Projectmanagement (nieuw)", app.Time.GetUtcNow());
        var response = await world.Provider.PutAsJsonAsync($"/api/v1/courses/{world.CourseId}", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var after = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{world.CourseId}");
        Assert.Equal("Projectmanagement (nieuw)", after.GetProperty("name").GetString());
        Assert.Equal(idOfSm2, Moments(after).Single(m => m.GetProperty("externalId").GetString() == "SM-2")
            .GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task An_account_sees_only_the_courses_of_its_assortments()
    {
        var list = await world.Account.GetFromJsonAsync<JsonElement>("/api/v1/courses");
        Assert.Equal([world.CourseId],
            list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()));

        Assert.Equal(HttpStatusCode.OK, (await world.Account.GetAsync($"/api/v1/courses/{world.CourseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await world.Account.GetAsync($"/api/v1/courses/{world.OtherCourseId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await world.OtherAccount.GetAsync($"/api/v1/courses/{world.CourseId}")).StatusCode);
        var otherList = await world.OtherAccount.GetFromJsonAsync<JsonElement>("/api/v1/courses");
        Assert.Empty(otherList.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task An_account_cannot_create_courses()
    {
        var response = await world.Account.PostAsJsonAsync("/api/v1/courses",
            TestWorld.CourseBody("Niet van mij", app.Time.GetUtcNow()));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Tenants_read_only_themselves_among_accounts_providers_and_assortments()
    {
        static async Task<HttpStatusCode> StatusOf(HttpClient client, string path) =>
            (await client.GetAsync(path)).StatusCode;
        Assert.Equal(HttpStatusCode.OK, await StatusOf(world.Account, $"/api/v1/accounts/{world.AccountId}"));
        Assert.Equal(HttpStatusCode.NotFound,
            await StatusOf(world.Account, $"/api/v1/accounts/{world.OtherAccountId}"));
        Assert.Equal(HttpStatusCode.OK, await StatusOf(world.Provider, $"/api/v1/providers/{world.ProviderId}"));
        Assert.Equal(HttpStatusCode.NotFound,
            await StatusOf(world.Provider, $"/api/v1/providers/{world.OtherProviderId}"));
        Assert.Equal(HttpStatusCode.Forbidden, await StatusOf(world.Provider, $"/api/v1/accounts/{world.AccountId}"));
        Assert.Equal(HttpStatusCode.NotFound,
            await StatusOf(world.OtherAccount, $"/api/v1/assortments/{world.AssortmentId}"));

        var assortment = await world.Account.GetFromJsonAsync<JsonElement>($"/api/v1/assortments/{world.AssortmentId}");
        Assert.Equal([world.AccountId], assortment.GetProperty("accountIds").EnumerateArray().Select(a => a.GetGuid()));
    }

    [Fact]
    public async Task An_admin_creates_an_account_with_the_default_settings()
    {
        var response = await world.Admin.PostAsJsonAsync("/api/v1/accounts", new { name = "Nieuwe werkgever" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var account = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(response.Headers.Location?.ToString(), account.GetProperty("url").GetString());
        Assert.False(account.GetProperty("requireAccountApproval").GetBoolean());
        Assert.Equal("Marketplace", account.GetProperty("invoicedBy").GetString());
        Assert.Equal(0m, account.GetProperty("accountFeePercentage").GetDecimal());

        var changed = await world.Admin.PatchAsJsonAsync(account.GetProperty("url").GetString(),
            new { requireAccountApproval = true, invoicedBy = "Provider" });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var stored = await app.WithDbAsync(db => db.Accounts
            .SingleAsync(a => a.Id == account.GetProperty("id").GetGuid()));
        Assert.True(stored.RequireAccountApproval);
        Assert.Equal(Domain.Catalog.InvoicedBy.Provider, stored.InvoicedBy);
        Assert.Equal("Nieuwe werkgever", stored.Name);
    }

    [Fact]
    public async Task A_provider_keeps_its_legal_companies_with_merchant_ids()
    {
        var provider = await world.Provider.GetFromJsonAsync<JsonElement>($"/api/v1/providers/{world.ProviderId}");
        var company = provider.GetProperty("legalCompanies").EnumerateArray().Single();
        Assert.Equal("Opleider BV", company.GetProperty("name").GetString());
        Assert.Equal("NL123456789B01", company.GetProperty("vatNumber").GetString());
        Assert.NotEqual(Guid.Empty, company.GetProperty("merchantId").GetGuid());
    }

    private static IEnumerable<JsonElement> Moments(JsonElement course) =>
        course.GetProperty("learningMethod").GetProperty("planning").GetProperty("startMoments").EnumerateArray();
}

public sealed class SqliteCatalogTests(SqliteApp app) : CatalogTests<SqliteApp>(app);

public sealed class PostgresCatalogTests(PostgresApp app) : CatalogTests<PostgresApp>(app);
