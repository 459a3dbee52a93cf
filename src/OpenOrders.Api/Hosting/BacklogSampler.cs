using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// Every few seconds, measures how far behind validation and webhook delivery are, for the backlog gauges.
/// </summary>
public sealed class BacklogSampler(IServiceScopeFactory scopes, OrdersMetrics metrics, TimeProvider time,
    ILogger<BacklogSampler> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // One-shot delays rather than a PeriodicTimer: a test clock moved by a month fires this once, not half a
        // million times.
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
                var now = time.GetUtcNow();
                var oldestJob = await db.ValidationJobs.OrderBy(j => j.DateCreated)
                    .Select(j => (DateTimeOffset?)j.DateCreated).FirstOrDefaultAsync(stoppingToken);
                var oldestNotSentOut = await db.OrderChanges.Where(c => c.FeedPosition == null).OrderBy(c => c.Position)
                    .Select(c => (DateTimeOffset?)c.DateCreated).FirstOrDefaultAsync(stoppingToken);
                var oldestUndelivered = await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
                    .OrderBy(d => d.EventDate).Select(d => (DateTimeOffset?)d.EventDate)
                    .FirstOrDefaultAsync(stoppingToken);
                var waitingMail = db.MailMessages.Where(m => m.Status == Mail.MailStatus.Waiting);
                metrics.MailWaiting = await waitingMail.CountAsync(stoppingToken);
                metrics.OldestMailAgeSeconds = Age(await waitingMail.OrderBy(m => m.Position)
                    .Select(m => (DateTimeOffset?)m.DateCreated).FirstOrDefaultAsync(stoppingToken), now);
                metrics.OldestValidationAgeSeconds = Age(oldestJob, now);
                metrics.OldestEventAgeSeconds = Math.Max(Age(oldestNotSentOut, now), Age(oldestUndelivered, now));
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                log.LogWarning(e, "Could not sample the backlog.");
            }
            await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken);
        }
    }

    private static double Age(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } s ? Math.Max(0, (now - s).TotalSeconds) : 0;
}
