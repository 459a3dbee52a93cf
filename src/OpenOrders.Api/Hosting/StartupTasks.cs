using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Demo;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// Runs before anything else starts (the web server included): migrations, the bootstrap admin, and in
/// Development the demo world. Each step is safe to repeat, so a restart or a second instance is harmless.
/// </summary>
internal sealed class StartupTasks(IServiceProvider services, IHostEnvironment env, ILogger<StartupTasks> log)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await db.PrepareAsync(ct);
        await db.Database.MigrateAsync(ct);
        log.LogInformation("Database is migrated ({Provider}).", db.ProviderName);

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
