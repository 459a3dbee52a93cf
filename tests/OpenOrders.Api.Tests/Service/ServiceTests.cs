using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Data;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Service;

public sealed class ServiceTests(PostgresApp app) : IClassFixture<PostgresApp>
{
    [Fact]
    public async Task The_postgres_app_really_runs_on_postgresql_with_migrations_applied()
    {
        await using var db = app.NewDbContext();
        Assert.IsType<PostgresOrdersDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions
            .GetPendingMigrationsAsync(db.Database));
    }

    [Fact]
    public async Task Health_endpoints_answer_without_a_token()
    {
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task The_openapi_document_describes_every_endpoint_with_security_and_errors()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/oauth/token", "/api/v1/clients", "/api/v1/accounts", "/api/v1/accounts/{id}",
                     "/api/v1/providers", "/api/v1/providers/{id}", "/api/v1/assortments", "/api/v1/assortments/{id}",
                     "/api/v1/courses", "/api/v1/courses/{id}", "/api/v1/enumerations" })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is missing from the OpenAPI document");

        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer")
            .GetProperty("scheme").GetString());
        var createCourse = paths.GetProperty("/api/v1/courses").GetProperty("post");
        Assert.True(createCourse.TryGetProperty("security", out _));
        Assert.True(createCourse.GetProperty("requestBody").GetProperty("content")
            .TryGetProperty("application/json", out _));
        var responses = createCourse.GetProperty("responses");
        foreach (var status in new[] { "201", "400", "401", "403" })
            Assert.True(responses.TryGetProperty(status, out _), $"POST /api/v1/courses does not document {status}");
    }

    [Fact]
    public async Task The_reference_page_is_served_at_docs()
    {
        var response = await app.CreateClient().GetAsync("/docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("openapi/v1.json", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Enumerations_list_every_value_with_a_dutch_display_value()
    {
        var enumerations = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/enumerations");
        var status = enumerations.EnumerateArray().Single(e => e.GetProperty("name").GetString() == "OrderStatus");
        Assert.Equal(17, status.GetProperty("values").GetArrayLength());
        Assert.Contains(status.GetProperty("values").EnumerateArray(),
            v => v.GetProperty("displayValue").GetString() == "Geaccepteerd door opleider");
    }
}

/// <summary>What `dotnet run` gives a newcomer: the demo world and the printed demo clients.</summary>
public sealed class DemoWorldTests(DevelopmentApp app) : IClassFixture<DevelopmentApp>
{
    [Fact]
    public async Task The_demo_account_client_gets_a_token_and_lists_the_demo_courses()
    {
        var account = await app.ClientWithTokenAsync("demo-account", "demo-account-secret");
        var courses = await account.GetFromJsonAsync<JsonElement>("/api/v1/courses");
        var items = courses.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(4, items.Count);
        Assert.Contains(items, c => c.GetProperty("learningMethod").GetProperty("planning").GetProperty("type")
            .GetString() == "SelfPlanned");
        var scheduled = items.Where(c => c.GetProperty("learningMethod").GetProperty("planning").GetProperty("type")
            .GetString() == "Scheduled");
        var moments = scheduled.SelectMany(c => c.GetProperty("learningMethod").GetProperty("planning")
            .GetProperty("startMoments").EnumerateArray()).ToList();
        Assert.NotEmpty(moments);
        Assert.All(moments, m => Assert.True(m.GetProperty("date").GetDateTimeOffset() > DateTimeOffset.UtcNow));

        var guideAccount = await account.GetFromJsonAsync<JsonElement>(
            "/api/v1/accounts/50757d0c-0b56-4ff7-a3a9-115fdc18ffc3");
        Assert.False(guideAccount.GetProperty("requireAccountApproval").GetBoolean());
    }

    [Fact]
    public async Task In_development_a_receiver_on_this_machine_can_be_subscribed_but_not_one_on_the_network()
    {
        var provider = await app.ClientWithTokenAsync("demo-provider", "demo-provider-secret");
        var created = OpenOrders.Api.Webhooks.Webhook.OrderCreated.Id;
        var loopback = await provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = created, callbackUrl = "http://127.0.0.1:9000/hooks" });
        Assert.Equal(HttpStatusCode.Created, loopback.StatusCode);
        var inward = await provider.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = created, callbackUrl = "http://10.1.2.3/hooks" });
        Assert.Equal(HttpStatusCode.BadRequest, inward.StatusCode);
    }

    [Fact]
    public async Task The_demo_people_sign_in_with_the_demo_password()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var people = scope.ServiceProvider
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<OpenOrders.Api.People.Person>>();
        foreach (var (email, role) in new[] { ("admin@demo.test", "Admin"), ("account@demo.test", "Account"),
                     ("approver@demo.test", "Account"), ("provider@demo.test", "Provider") })
        {
            var person = await people.FindByEmailAsync(email);
            Assert.NotNull(person);
            Assert.Equal(role, person.Role.ToString());
            Assert.True(await people.CheckPasswordAsync(person, "Demo-password-1"), email);
        }
    }

    [Fact]
    public async Task There_is_a_demo_client_for_every_role()
    {
        foreach (var (id, secret) in new[] { ("demo-admin", "demo-admin-secret"),
                     ("demo-provider", "demo-provider-secret"),
                     ("demo-account-approval", "demo-account-approval-secret") })
            Assert.NotNull(await app.ClientWithTokenAsync(id, secret));
    }
}

/// <summary>The operator's view: the Prometheus scrape shows our meters once there is traffic.</summary>
public sealed class MetricsTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Metrics_count_orders_and_measure_validation()
    {
        var world = await TestWorld.CreateAsync(app);
        var id = (await OrderSteps.CreateAsync(world.Account,
            OrderSteps.GuideBody(world.AccountId, world.CourseId, "SM-1"))).GetProperty("id").GetGuid();
        await OrderSteps.WaitUntilValidatedAsync(world.Account, id);

        var deadline = DateTime.UtcNow.AddSeconds(20);
        string scrape;
        do
        {
            scrape = await Scraper().GetStringAsync("/metrics");
            if (scrape.Contains("openorders_validation_latency")) break;
            Assert.True(DateTime.UtcNow < deadline, "The validation latency never appeared in /metrics.");
            await Task.Delay(50);
        } while (true);
        Assert.Contains("openorders_orders_created", scrape);
        Assert.Contains("http_server_request_duration", scrape);
    }

    /// <summary>Outside Development /metrics answers only its token.</summary>
    private HttpClient Scraper()
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", OrdersApp.MetricsToken);
        return client;
    }
}
