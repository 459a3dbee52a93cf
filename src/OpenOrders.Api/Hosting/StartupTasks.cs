using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Demo;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// Runs before anything else starts (the web server included): migrations (unless Production migrates as a step of
/// its own, <see cref="MigrateCommand"/>), the bootstrap admin, and in Development the demo world. Each step is safe
/// to repeat, so a restart or a second instance is harmless.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IHostEnvironment env, IConfiguration config,
    ILogger<StartupTasks> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await db.PrepareAsync(ct);
        if (config.GetValue("Database:MigrateAtStartup", !env.IsProduction()))
        {
            await db.Database.MigrateAsync(ct);
            log.LogInformation("Database is migrated ({Provider}).", db.ProviderName);
        }
        else if ((await db.Database.GetPendingMigrationsAsync(ct)).ToList() is { Count: > 0 } pending)
        {
            // Starting on an old schema would fail request by request; say what to do instead, once.
            throw new InvalidOperationException(
                $"The database lacks {pending.Count} migration(s) ({string.Join(", ", pending)}). Run " +
                "`dotnet OpenOrders.Api.dll migrate` with the same settings first, or set " +
                "Database__MigrateAtStartup=true.");
        }

        await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().EnsureAsync(ct);
        if (env.IsDevelopment())
        {
            await scope.ServiceProvider.GetRequiredService<DemoWorld>().EnsureAsync(ct);
            log.LogInformation(
                "Development: webhook callbacks may use plain http and point to this machine (loopback).");
        }
    }

    public Task StartAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StartedAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken ct) => Task.CompletedTask;
}

/// <summary>
/// <c>dotnet OpenOrders.Api.dll migrate</c>: brings the configured database to the current schema and exits, so a
/// deployment can migrate as a step of its own, before any instance of the new version starts.
/// </summary>
public static class MigrateCommand
{
    public static bool Requested(string[] args) => args is ["migrate", ..];

    public static async Task<int> RunAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(MigrateCommand));
        await db.PrepareAsync(CancellationToken.None);
        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        await db.Database.MigrateAsync();
        log.LogInformation("Database is migrated ({Provider}): {Count} migration(s) applied.", db.ProviderName,
            pending.Count);
        return 0;
    }
}
