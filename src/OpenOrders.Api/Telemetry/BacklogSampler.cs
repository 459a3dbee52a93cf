using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Webhooks;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Telemetry;

/// <summary>
/// Every few seconds, measures how far behind validation, webhook delivery and mail are, for the backlog gauges.
/// </summary>
public sealed class BacklogSampler(IServiceScopeFactory scopes, OrdersMetrics metrics, TimeProvider time,
    ILogger<BacklogSampler> log) : Worker(time, log)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(5);

    protected override async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var now = Time.GetUtcNow();
        var oldestJob = await db.ValidationJobs.OrderBy(j => j.DateCreated)
            .Select(j => (DateTimeOffset?)j.DateCreated).FirstOrDefaultAsync(ct);
        var oldestNotSentOut = await db.OrderChanges.Where(c => c.FeedPosition == null).OrderBy(c => c.Position)
            .Select(c => (DateTimeOffset?)c.DateCreated).FirstOrDefaultAsync(ct);
        var oldestUndelivered = await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending)
            .OrderBy(d => d.EventDate).Select(d => (DateTimeOffset?)d.EventDate)
            .FirstOrDefaultAsync(ct);
        var waitingMail = db.MailMessages.Where(m => m.Status == Mail.MailStatus.Waiting);
        metrics.MailWaiting = await waitingMail.CountAsync(ct);
        metrics.OldestMailAgeSeconds = Age(await waitingMail.OrderBy(m => m.Position)
            .Select(m => (DateTimeOffset?)m.DateCreated).FirstOrDefaultAsync(ct), now);
        metrics.OldestValidationAgeSeconds = Age(oldestJob, now);
        metrics.OldestEventAgeSeconds = Math.Max(Age(oldestNotSentOut, now), Age(oldestUndelivered, now));
        return 0; // a sample, not work: wait for the next interval
    }

    private static double Age(DateTimeOffset? since, DateTimeOffset now) =>
        since is { } s ? Math.Max(0, (now - s).TotalSeconds) : 0;
}
