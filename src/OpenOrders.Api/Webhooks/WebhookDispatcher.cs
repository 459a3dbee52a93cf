using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Leases due deliveries (PostgreSQL: FOR UPDATE SKIP LOCKED, so instances share them), sends each, and records
/// the attempt with the delivery's next state. A crash between sending and recording means the delivery is sent
/// again after the lease expires, with the same webhook-id: at least once, never lost.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookOptions> options,
    Hosting.PublicUrl publicUrl,
    Telemetry.OrdersMetrics metrics, IOptions<WorkerOptions> workers, ILogger<WebhookDispatcher> log)
{
    /// <summary>Long enough for an attempt to time out and its outcome to be stored.</summary>
    public TimeSpan Lease => options.Value.AttemptTimeout + workers.Value.LeaseDuration;

    /// <summary>
    /// One pass: lease due deliveries, load what they need in three queries, send them in parallel, and record
    /// every outcome in one transaction (one write per pass, not per delivery: SQLite has a single writer).
    /// </summary>
    public async Task<int> RunOnceAsync(string owner, int max, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var leased = await LeaseAsync(db, owner, max, time.GetUtcNow(), Lease, ct);
        if (leased.Count == 0) return 0;

        var deliveries = await db.WebhookDeliveries.Where(d => leased.Contains(d.Id)).ToListAsync(ct);
        var subscriptionIds = deliveries.Select(d => d.SubscriptionId).Distinct().ToList();
        var subscriptions = await db.WebhookSubscriptions.Where(s => subscriptionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, ct);
        var orderIds = deliveries.Select(d => d.OrderId).Distinct().ToList();
        var baseUrl = publicUrl.BaseUrl;
        var orders = (await db.Orders.AsNoTracking().AsSplitQuery().Include(o => o.StatusTransitions)
                .Where(o => orderIds.Contains(o.Id)).ToListAsync(ct))
            .ToDictionary(o => o.Id, o => OrderResponse.From(o, baseUrl));

        var sender = scope.ServiceProvider.GetRequiredService<WebhookSender>();
        var results = new System.Collections.Concurrent.ConcurrentDictionary<Guid, AttemptResult>();
        var sendable = deliveries.Where(d => subscriptions.GetValueOrDefault(d.SubscriptionId) is { IsEnabled: true })
            .ToList();
        await Parallel.ForEachAsync(sendable,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct }, async (delivery, token) =>
        {
            var webhook = Webhook.Find(delivery.WebhookId)!;
            var urlReference = delivery.StatusTransitionId is { } t && webhook == Webhook.StatusTransitionCreated
                ? Hosting.Links.OrderStatusTransition(baseUrl, t) : Hosting.Links.Order(baseUrl, delivery.OrderId);
            results[delivery.Id] = await sender.SendAsync(subscriptions[delivery.SubscriptionId], delivery.MessageId,
                webhook, urlReference, orders.GetValueOrDefault(delivery.OrderId), delivery.ModifiedFields, token);
        });

        var now = time.GetUtcNow();
        var problems = new SubscriptionProblems();
        foreach (var delivery in deliveries)
        {
            if (results.TryGetValue(delivery.Id, out var result))
                Record(db, delivery, subscriptions[delivery.SubscriptionId], result, now, problems);
            else delivery.Status = DeliveryStatus.Failed; // its subscription was removed or disabled
            delivery.LeaseOwner = null;
            delivery.LeaseExpiresAt = null;
        }
        // People are told in the same commit that records the failure: never twice, never lost.
        await scope.ServiceProvider.GetRequiredService<Mail.WebhookMails>()
            .AddAsync(db, problems.Failing, problems.Disabled, ct);
        try
        {
            // The lease owner is the deliveries' concurrency token: a worker that took one over meanwhile wins.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning(
                "Lost a lease in a webhook batch of {Owner}; the new holders will send and record those again.",
                owner);
        }
        return leased.Count;
    }

    private void Record(OrdersDbContext db, WebhookDelivery delivery, WebhookSubscription subscription,
        AttemptResult result, DateTimeOffset now, SubscriptionProblems problems)
    {
        delivery.Attempts++;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id, SubscriptionId = subscription.Id, Number = delivery.Attempts,
            AttemptedAt = now, StatusCode = result.StatusCode, LatencyMs = result.LatencyMs, Error = result.Error,
            Failure = result.Failure, Succeeded = result.Succeeded, ResponseExcerpt = result.ResponseExcerpt,
        });
        metrics.Attempted(
            result.Succeeded ? "delivered" : result.StatusCode is { } code ? $"http_{code}" : "no_answer");
        if (result.Succeeded)
        {
            log.LogInformation(
                "Webhook {MessageId} delivered to {Url} (attempt {Attempt}, {StatusCode}, {LatencyMs} ms)",
                delivery.MessageId, Logged(subscription.CallbackUrl), delivery.Attempts, result.StatusCode,
                result.LatencyMs);
            if (delivery.Attempts == 1) metrics.Delivered(now - delivery.EventDate);
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DateDelivered = now;
            subscription.FailingSince = null;
            return;
        }
        var answer = result.StatusCode is { } status ? $"HTTP {status} {result.ResponseExcerpt}".Trim() : result.Error;
        if (subscription.FailingSince is null)
        {
            subscription.FailingSince = now;
            if (Mail.WebhookMails.ShouldTellFailing(subscription, now)) problems.Failing.Add((subscription, answer));
        }
        var next = Retries.NextDelay(delivery.Attempts, result.RetryAfter);
        var wasEnabled = subscription.IsEnabled;
        if (result.StatusCode == 410) Disable(subscription, "The receiver answered 410 Gone.");
        else if (now - subscription.FailingSince >= options.Value.DisableAfterFailingFor)
            Disable(subscription,
                $"Every delivery failed for {options.Value.DisableAfterFailingFor.TotalDays:0} days.");
        if (wasEnabled && !subscription.IsEnabled) problems.Disabled.Add((subscription, answer));
        if (!subscription.IsEnabled || next is null) delivery.Status = DeliveryStatus.Failed;
        else delivery.DueAt = now + next.Value;
        log.LogInformation("Webhook {MessageId} to {Url} failed (attempt {Attempt}): {Error}", delivery.MessageId,
            Logged(subscription.CallbackUrl), delivery.Attempts, result.Error);
    }

    /// <summary>A callback URL as the log may keep it: a query string often carries a receiver's token.</summary>
    public static string Logged(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : "(not a URL)";

    /// <summary>Only pending deliveries are leased: delivered and failed ones are done.</summary>
    public static readonly LeaseQuery<WebhookDelivery> Pending =
        new(nameof(WebhookDelivery.Id), "\"Status\" = 'Pending'", d => d.Status == DeliveryStatus.Pending);

    public static Task<List<Guid>> LeaseAsync(
        OrdersDbContext db, string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        Leases.TakeAsync(db, Pending, owner, max, now, lease, ct);

    /// <summary>
    /// At once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h and 24 h, each ±10 %: ten attempts over about
    /// three and a half days. A receiver's Retry-After is honoured when it asks for longer, up to a day.
    /// </summary>
    public static readonly RetrySchedule Retries = new([
        TimeSpan.Zero, TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30),
        TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10),
        TimeSpan.FromHours(14), TimeSpan.FromHours(20), TimeSpan.FromHours(24),
    ], jitter: 0.1, longestAsked: TimeSpan.FromHours(24));

    private sealed class SubscriptionProblems
    {
        public List<(WebhookSubscription, string?)> Failing { get; } = [];
        public List<(WebhookSubscription, string?)> Disabled { get; } = [];
    }

    private void Disable(WebhookSubscription subscription, string reason)
    {
        subscription.IsEnabled = false;
        subscription.DisabledReason = reason;
        log.LogWarning("Webhook subscription {Id} disabled: {Reason}", subscription.Id, reason);
    }
}
