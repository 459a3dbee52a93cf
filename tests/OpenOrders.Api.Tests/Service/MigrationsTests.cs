using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Service;

/// <summary>
/// The schema history of both databases: each provider's migrations describe the model as it is (a model change
/// without a migration for both fails here), they are the same list, and Production migrates as a step of its own.
/// </summary>
public sealed class MigrationsTests
{
    [Fact]
    public void Each_databases_migrations_describe_the_model_and_name_the_same_steps()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite: add a migration for the model change.");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL: add a migration for the model change.");

        static IEnumerable<string> Names(DbContext db) => db.Database.GetMigrations().Select(m => m[15..]);
        Assert.Equal(Names(sqlite), Names(postgres));
        Assert.NotEmpty(Names(sqlite));
    }

    [Fact]
    public async Task Production_refuses_an_old_schema_until_migrate_has_run()
    {
        var file = TestFiles.NewSqliteFile();
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Orders"] = $"Data Source={file}", ["Auth__SigningKey"] = OrdersApp.SigningKey,
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        };

        var (refused, said) = await RunAsync(settings, []);
        Assert.NotEqual(0, refused);
        Assert.Contains("dotnet OpenOrders.Api.dll migrate", said);

        var (migrated, _) = await RunAsync(settings, ["migrate"]);
        Assert.Equal(0, migrated);
        await using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        db.Database.SetConnectionString($"Data Source={file}");
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    /// <summary>The built service as a process of its own; its exit code and what it wrote.</summary>
    private static async Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> settings,
        string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OpenOrders.Api.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        foreach (var (key, value) in settings) start.Environment[key] = value;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
