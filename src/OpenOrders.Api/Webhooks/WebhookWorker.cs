using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Fans committed changes out to subscriptions and delivers what is due. Woken by every commit in this process;
/// polls for other instances' work, retries that fell due and expired leases.
/// </summary>
public sealed class WebhookWorker(IServiceScopeFactory scopes, WebhookDispatcher dispatcher, DeliverySignal signal,
    TimeProvider time, IOptions<WorkerOptions> workers, IOptions<WebhookOptions> webhooks, ILogger<WebhookWorker> log)
    : Worker(time, log)
{
    protected override TimeSpan Interval => workers.Value.PollInterval;
    protected override WorkSignal Signal => signal;
    protected override TimeSpan HousekeepingEvery => TimeSpan.FromHours(1);

    protected override Task<int> RunOnceAsync(CancellationToken ct) =>
        RunOnceAsync(scopes, dispatcher, workers.Value.InstanceName, ct);

    protected override async Task HousekeepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await CleanUpAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(),
            Time.GetUtcNow() - webhooks.Value.KeepDeliveriesFor, ct);
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
