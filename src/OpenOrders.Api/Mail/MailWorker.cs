using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Sends what the outbox holds: woken by every commit in this process, polling for the rest (other instances'
/// mail, retries that fell due, expired leases). Once a day it writes the digests of waiting orders, and it removes
/// sent and failed mail after <see cref="MailOptions.KeepFor"/>.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, MailDispatcher dispatcher, MailSignal signal,
    TimeProvider time, IOptions<WorkerOptions> workers, IOptionsMonitor<MailOptions> options, ILogger<MailWorker> log)
    : Worker(time, log)
{
    protected override TimeSpan Interval => workers.Value.PollInterval;
    protected override WorkSignal Signal => signal;
    protected override TimeSpan HousekeepingEvery => TimeSpan.FromMinutes(5);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.CurrentValue.HasServer)
            Log.LogWarning("No SMTP server is configured (Mail:Smtp:Host): mail is kept in the outbox, shown to " +
                "admins at /console/admin/mail, and sent once a server is configured.");
        return base.StartAsync(cancellationToken);
    }

    protected override Task<int> RunOnceAsync(CancellationToken ct) =>
        dispatcher.RunOnceAsync(workers.Value.InstanceName, 64, ct);

    protected override async Task HousekeepAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WaitingOrderDigests>().RunOnceAsync(ct);
        await CleanUpAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(),
            Time.GetUtcNow() - options.CurrentValue.KeepFor, ct);
    }

    /// <summary>Sent and failed mail is kept for a while for the admin; waiting mail is never removed.</summary>
    public static Task<int> CleanUpAsync(OrdersDbContext db, DateTimeOffset before, CancellationToken ct) =>
        db.MailMessages.Where(m => m.Status != MailStatus.Waiting && m.DateCreated < before).ExecuteDeleteAsync(ct);
}
