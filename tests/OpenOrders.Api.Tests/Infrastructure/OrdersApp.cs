using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>
/// The real service over the real HTTP pipeline, on its own database (a SQLite file, or a fresh database on the
/// shared PostgreSQL cluster), with a clock the tests move. Clients carry real tokens from /oauth/token.
/// </summary>
public abstract class OrdersApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminId = "test-admin";
    public const string AdminSecret = "test-admin-secret-0123456789";
    public const string SigningKey = "dGVzdC1zaWduaW5nLWtleS10ZXN0LXNpZ25pbmcta2V5LTAxMjM0NTY3ODk=";
    public const string MetricsToken = "metrics-token-0123456789";

    public static readonly JsonSerializerOptions Json = CreateJson();

    private string connectionString = "";

    /// <summary>The app's own database, for tests that must reach it from outside the service.</summary>
    public string ConnectionString => connectionString;

    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);
    public abstract DatabaseProvider Provider { get; }
    protected virtual string Environment => "Testing";

    /// <summary>Off for tests that drive the background workers by hand.</summary>
    protected virtual bool WorkersEnabled => true;

    /// <summary>Per-client requests per second; 0 (no limit) unless a test is about the limit.</summary>
    protected virtual int PermitsPerSecond => 0;

    /// <summary>How long the order writer waits for more creates when few wait (see WriteOptions.Linger).</summary>
    protected virtual TimeSpan WriteLinger => TimeSpan.Zero;

    /// <summary>Test receivers listen on plain http on loopback; the strict app keeps the production rules.</summary>
    protected virtual bool CallbacksToLoopbackAllowed => true;

    protected abstract Task<string> CreateDatabaseAsync();

    /// <summary>A new SQLite file of its own, in this run's folder (<see cref="TestFiles"/>).</summary>
    protected static Task<string> NewSqliteFileAsync() =>
        Task.FromResult($"Data Source={TestFiles.NewSqliteFile()}");

    /// <summary>A new database on the shared throwaway PostgreSQL cluster.</summary>
    protected static async Task<string> NewPostgresDatabaseAsync() =>
        await (await PostgresServer.Instance).CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        connectionString = await CreateDatabaseAsync();
        Start();
    }

    /// <summary>Starts the host now: migrations and the bootstrap admin run before the first test.</summary>
    protected virtual void Start() => _ = Server;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // PostgreSQL's databases go with its cluster at the end of the run; a SQLite file goes with its app.
        if (Provider == DatabaseProvider.Sqlite && connectionString != "") TestFiles.DeleteSqlite(connectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(Environment);
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Orders", connectionString);
        builder.UseSetting("Auth:SigningKey", SigningKey);
        builder.UseSetting("Metrics:Token", MetricsToken);
        builder.UseSetting("Auth:BootstrapAdmin:ClientId", AdminId);
        builder.UseSetting("Auth:BootstrapAdmin:ClientSecret", AdminSecret);
        builder.UseSetting("Workers:Enabled", WorkersEnabled.ToString());
        builder.UseSetting("Writes:Linger", WriteLinger.ToString());
        builder.UseSetting("Webhooks:AllowHttp", CallbacksToLoopbackAllowed.ToString());
        builder.UseSetting("Webhooks:AllowPrivateNetworks", CallbacksToLoopbackAllowed.ToString());
        // Tests make calls as fast as they can; the limits have tests of their own (RateLimitedApp).
        builder.UseSetting("RateLimiting:PermitsPerSecond",
            PermitsPerSecond.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("RateLimiting:Burst", "10");
        // Tests move the clock by weeks and run the invoicing pass themselves; the periodic one is off.
        builder.UseSetting("Workers:InvoicingInterval", "00:00:00");
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Time);
        });
    }

    /// <summary>A fresh DbContext on the app's database, for checking what was (not) stored.</summary>
    public OrdersDbContext NewDbContext() =>
        Services.CreateScope().ServiceProvider.GetRequiredService<OrdersDbContext>();

    public async Task<T> WithDbAsync<T>(Func<OrdersDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<OrdersDbContext>());
    }

    /// <summary>A client with a bearer token obtained from /oauth/token with these credentials.</summary>
    public async Task<HttpClient> ClientWithTokenAsync(string clientId, string secret)
    {
        var client = CreateClient();
        var response = await client.PostAsync("/oauth/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
        }));
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public Task<HttpClient> AdminAsync() => ClientWithTokenAsync(AdminId, AdminSecret);

    private static JsonSerializerOptions CreateJson()
    {
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonSetup.Configure(json);
        return json;
    }
}

public sealed class SqliteApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

public sealed class PostgresApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

/// <summary>SQLite with the background workers off: tests drive validation and invoicing themselves.</summary>
public sealed class ManualSqliteApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool WorkersEnabled => false;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

/// <summary>PostgreSQL with the background workers off: tests drive validation and invoicing themselves.</summary>
public sealed class ManualPostgresApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override bool WorkersEnabled => false;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

/// <summary>
/// Workers off, and the order writer lingers on the app's clock: a create waits until the test moves the clock, so
/// the test decides which creates share one commit.
/// </summary>
public sealed class GroupingSqliteApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool WorkersEnabled => false;
    protected override TimeSpan WriteLinger => TimeSpan.FromMilliseconds(300);

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

/// <inheritdoc cref="GroupingSqliteApp"/>
public sealed class GroupingPostgresApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;
    protected override bool WorkersEnabled => false;
    protected override TimeSpan WriteLinger => TimeSpan.FromMilliseconds(300);

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

/// <summary>Webhook callbacks under the production rules: https only, no internal addresses.</summary>
public sealed class StrictWebhooksApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool CallbacksToLoopbackAllowed => false;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

/// <summary>Each client may make 5 requests per second, in bursts of 10.</summary>
public sealed class RateLimitedApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override int PermitsPerSecond => 5;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

/// <summary>The service as `dotnet run` starts it: Development, so the demo world is seeded.</summary>
public sealed class DevelopmentApp : OrdersApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override string Environment => "Development";

    // Only what Development allows by itself, as `dotnet run` has it.
    protected override bool CallbacksToLoopbackAllowed => false;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

/// <summary>
/// The service as Production runs it, on its public host (https://orders.example.test), behind a proxy at 10.9.9.9
/// that it is told to trust, with a metrics token.
/// </summary>
public abstract class ProductionApp : OrdersApp
{
    public const string PublicHost = "orders.example.test", Proxy = "10.9.9.9";

    protected ProductionApp() => ClientOptions.BaseAddress = new Uri($"https://{PublicHost}/");

    protected override string Environment => "Production";
    protected override bool CallbacksToLoopbackAllowed => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("PublicBaseUrl", $"https://{PublicHost}");
        builder.UseSetting("ForwardedHeaders_Enabled", "true");
        builder.UseSetting("ForwardedHeaders:KnownProxies:0", Proxy);
        builder.UseSetting("Database:MigrateAtStartup", "true");
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>Everything the service logged at Information or above.</summary>
    public CapturedLogs Logs { get; } = new();
}

public sealed class ProductionSqliteApp : ProductionApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

public sealed class ProductionPostgresApp : ProductionApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

