using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Fans committed changes out to subscriptions and delivers what is due. Woken by every commit in this process;
/// polls for other instances' work, retries that fell due and expired leases.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, WebhookDispatcher dispatcher, DeliverySignal signal,
    TimeProvider time, IOptions<WorkerOptions> workers, IOptions<WebhookOptions> webhooks, ILogger<WebhookWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lastCleanup = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(scopes, dispatcher, workers.Value.InstanceName, stoppingToken) > 0) { }
                if (time.GetUtcNow() - lastCleanup > TimeSpan.FromHours(1))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await CleanUpAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(),
                        time.GetUtcNow() - webhooks.Value.KeepDeliveriesFor, stoppingToken);
                    lastCleanup = time.GetUtcNow();
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Webhook pass failed; retrying after the poll interval.");
            }
            await signal.WaitAsync(workers.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>
    /// One pass: fan out what was committed, then send what is due. Tests call this to drive the worker.
    /// </summary>
    public static async Task<int> RunOnceAsync(
        IServiceScopeFactory scopes, WebhookDispatcher dispatcher, string owner, CancellationToken ct)
    {
        int fannedOut;
        await using (var scope = scopes.CreateAsyncScope())
            fannedOut = await scope.ServiceProvider.GetRequiredService<WebhookFanout>().RunOnceAsync(ct);
        return fannedOut + await dispatcher.RunOnceAsync(owner, 64, ct);
    }

    /// <summary>
    /// Deliveries and their attempts are kept 30 days after they were made; pending ones are never removed.
    /// </summary>
    public static async Task CleanUpAsync(OrdersDbContext db, DateTimeOffset before, CancellationToken ct)
    {
        await db.WebhookAttempts.Where(a => a.AttemptedAt < before).ExecuteDeleteAsync(ct);
        await db.WebhookDeliveries.Where(d => d.Status != DeliveryStatus.Pending && d.DateCreated < before)
            .ExecuteDeleteAsync(ct);
    }
}

/// <summary>Wakes the webhook worker when a change was committed.</summary>
public sealed class DeliverySignal : WorkSignal;
