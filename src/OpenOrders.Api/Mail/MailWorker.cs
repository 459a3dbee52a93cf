using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Sends what the outbox holds: woken by every commit in this process, polling for the rest (other instances'
/// mail, retries that fell due, expired leases). Once a day it writes the digests of waiting orders, and it removes
/// sent and failed mail after <see cref="MailOptions.KeepFor"/>.
/// </summary>
public sealed class MailWorker(IServiceScopeFactory scopes, MailDispatcher dispatcher, MailSignal signal,
    TimeProvider time, IOptions<WorkerOptions> workers, IOptionsMonitor<MailOptions> options, ILogger<MailWorker> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.HasServer)
            log.LogWarning("No SMTP server is configured (Mail:Smtp:Host): mail is kept in the outbox, shown to " +
                "admins at /console/admin/mail, and sent once a server is configured.");
        var lastHousekeeping = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await dispatcher.RunOnceAsync(workers.Value.InstanceName, 64, stoppingToken) > 0) { }
                if (time.GetUtcNow() - lastHousekeeping > TimeSpan.FromMinutes(5))
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<WaitingOrderDigests>().RunOnceAsync(stoppingToken);
                    await CleanUpAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(),
                        time.GetUtcNow() - options.CurrentValue.KeepFor, stoppingToken);
                    lastHousekeeping = time.GetUtcNow();
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Mail pass failed; retrying after the poll interval.");
            }
            await signal.WaitAsync(workers.Value.PollInterval, time, stoppingToken);
        }
    }

    /// <summary>Sent and failed mail is kept for a while for the admin; waiting mail is never removed.</summary>
    public static Task<int> CleanUpAsync(OrdersDbContext db, DateTimeOffset before, CancellationToken ct) =>
        db.MailMessages.Where(m => m.Status != MailStatus.Waiting && m.DateCreated < before).ExecuteDeleteAsync(ct);
}

/// <summary>Wakes the mail worker when something was committed.</summary>
public sealed class MailSignal : WorkSignal;
