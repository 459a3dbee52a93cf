using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Webhooks;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Leases due mail, sends it, and records each outcome. Mails to one recipient about one order go in the order they
/// were written: a later one waits while an earlier one is still waiting. A crash between the server's acceptance
/// and the record sends the same message (same Message-ID) again after the lease expires: at least once, never lost.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, MailSender sender, TimeProvider time,
    IOptionsMonitor<MailOptions> options, IOptions<WorkerOptions> workers, PublicUrl url, OrdersMetrics metrics,
    ILogger<MailDispatcher> log)
{
    /// <summary>Long enough for an attempt to time out and its outcome to be stored.</summary>
    public TimeSpan Lease => options.CurrentValue.Smtp.Timeout * 2 + workers.Value.LeaseDuration;

    /// <summary>
    /// The webhooks' waits (at once, 5 s, 5 min … 24 h, each ±10 %): a server that is down for three days loses no
    /// mail. An SMTP server sends no Retry-After, and a permanent refusal (5xx) is not retried.
    /// </summary>
    public static readonly RetrySchedule Retries = new(WebhookDispatcher.Retries.Delays, jitter: 0.1);

    public static readonly LeaseQuery<MailMessage> Due =
        new(nameof(MailMessage.Id), "\"Status\" = 'Waiting'", m => m.Status == MailStatus.Waiting);

    /// <summary>One pass: nothing is leased while no SMTP server is configured; the mail waits for one.</summary>
    public async Task<int> RunOnceAsync(string owner, int max, CancellationToken ct)
    {
        if (!sender.HasServer) return 0;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var leased = await Leases.TakeAsync(db, Due, owner, max, time.GetUtcNow(), Lease, ct);
        if (leased.Count == 0) return 0;

        var mails = await db.MailMessages.Where(m => leased.Contains(m.Id)).OrderBy(m => m.Position).ToListAsync(ct);
        var earlier = await EarlierWaitingAsync(db, mails, ct);
        var threads = mails.GroupBy(m => (m.OrderId ?? m.Id, m.To.ToLowerInvariant())).ToList();
        await Parallel.ForEachAsync(threads,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = Math.Max(1, options.CurrentValue.MaxParallel), CancellationToken = ct,
            },
            async (thread, token) =>
            {
                DateTimeOffset? blockedUntil = earlier.TryGetValue(thread.Key, out var until) ? until : null;
                foreach (var mail in thread)
                {
                    if (blockedUntil is { } after) { mail.DueAt = after; continue; } // after the earlier one
                    var result = await sender.SendAsync(mail, url.Domain, token);
                    Record(mail, result, time.GetUtcNow());
                    if (mail.Status == MailStatus.Waiting) blockedUntil = mail.DueAt;
                }
            });
        foreach (var mail in mails) (mail.LeaseOwner, mail.LeaseExpiresAt) = (null, null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Lost a lease in a mail batch of {Owner}; the new holders send those again.", owner);
        }
        return leased.Count;
    }

    /// <summary>For each thread of this batch, when its earliest still-waiting mail outside the batch is due.</summary>
    private static async Task<Dictionary<(Guid, string), DateTimeOffset>> EarlierWaitingAsync(
        OrdersDbContext db, List<MailMessage> mails, CancellationToken ct)
    {
        var orderIds = mails.Where(m => m.OrderId is not null).Select(m => m.OrderId).Distinct().ToList();
        if (orderIds.Count == 0) return [];
        var ids = mails.Select(m => m.Id).ToList();
        var first = mails.GroupBy(m => (m.OrderId, m.To.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.Min(m => m.Position));
        var others = await db.MailMessages.AsNoTracking()
            .Where(m => m.Status == MailStatus.Waiting && orderIds.Contains(m.OrderId) && !ids.Contains(m.Id))
            .Select(m => new { m.OrderId, m.To, m.Position, m.DueAt }).ToListAsync(ct);
        return others
            .Where(o => first.TryGetValue((o.OrderId, o.To.ToLowerInvariant()), out var position)
                && o.Position < position)
            .GroupBy(o => (o.OrderId!.Value, o.To.ToLowerInvariant()))
            .ToDictionary(g => g.Key, g => g.Min(o => o.DueAt) + TimeSpan.FromSeconds(1));
    }

    private void Record(MailMessage mail, MailResult result, DateTimeOffset now)
    {
        mail.Attempts++;
        if (result.Sent)
        {
            (mail.Status, mail.DateSent, mail.LastError) = (MailStatus.Sent, now, null);
            metrics.MailSent(now - mail.DateCreated);
            return;
        }
        mail.LastError = Truncate(result.Answer);
        var next = result.Permanent ? null : Retries.NextDelay(mail.Attempts);
        if (next is { } delay) mail.DueAt = now + delay;
        else
        {
            mail.Status = MailStatus.Failed;
            metrics.MailFailed();
        }
        log.LogInformation("Mail {Id} ({Kind}) not sent (attempt {Attempt}, {Outcome}): {Answer}", mail.Id, mail.Kind,
            mail.Attempts, mail.Status == MailStatus.Failed ? "given up" : "will retry", mail.LastError);
    }

    private static string? Truncate(string? text) => text is { Length: > 1000 } ? text[..1000] : text;
}
