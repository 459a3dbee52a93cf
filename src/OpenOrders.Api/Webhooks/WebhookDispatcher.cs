using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Leases due deliveries (PostgreSQL: FOR UPDATE SKIP LOCKED, so instances share them), sends each, and records
/// the attempt with the delivery's next state. A crash between sending and recording means the delivery is sent
/// again after the lease expires, with the same webhook-id: at least once, never lost.
/// </summary>
public sealed class WebhookDispatcher(IServiceScopeFactory scopes, TimeProvider time, IOptions<WebhookOptions> options, Hosting.OrdersMetrics metrics,
    IOptions<Hosting.WorkerOptions> workers, ILogger<WebhookDispatcher> log)
{
    /// <summary>Long enough for an attempt to time out and its outcome to be stored.</summary>
    public TimeSpan Lease => options.Value.AttemptTimeout + workers.Value.LeaseDuration;

    public async Task<int> RunOnceAsync(string owner, int max, CancellationToken ct)
    {
        List<Guid> leased;
        await using (var scope = scopes.CreateAsyncScope())
            leased = await LeaseAsync(scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), owner, max, time.GetUtcNow(), Lease, ct);
        await Parallel.ForEachAsync(leased, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (id, token) => await DeliverAsync(id, owner, token));
        return leased.Count;
    }

    public static async Task<List<Guid>> LeaseAsync(OrdersDbContext db, string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var until = now + lease;
        if (db.IsPostgres)
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "WebhookDeliveries" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}
                WHERE "Id" IN (
                    SELECT "Id" FROM "WebhookDeliveries"
                    WHERE "Status" = 'Pending' AND "DueAt" <= {now} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now})
                    ORDER BY "DueAt" LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "Id" AS "Value"
                """).ToListAsync(ct);

        var due = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.Status == DeliveryStatus.Pending && d.DueAt <= now && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
            .OrderBy(d => d.DueAt).Select(d => d.Id).Take(max).ToListAsync(ct);
        if (due.Count == 0) return due;
        await db.WebhookDeliveries.Where(d => due.Contains(d.Id) && (d.LeaseExpiresAt == null || d.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseExpiresAt, until), ct);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => due.Contains(d.Id) && d.LeaseOwner == owner && d.LeaseExpiresAt == until)
            .Select(d => d.Id).ToListAsync(ct);
    }

    private async Task DeliverAsync(Guid deliveryId, string owner, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var delivery = await db.WebhookDeliveries.SingleAsync(d => d.Id == deliveryId, ct);
        var subscription = await db.WebhookSubscriptions.SingleOrDefaultAsync(s => s.Id == delivery.SubscriptionId, ct);
        var webhook = Webhook.Find(delivery.WebhookId)!;
        var now = time.GetUtcNow();
        if (subscription is not { IsEnabled: true })
        {
            delivery.Status = DeliveryStatus.Failed;
            await ReleaseAsync(db, delivery, owner, ct);
            return;
        }

        var baseUrl = options.Value.PublicBaseUrl.TrimEnd('/');
        var order = await db.Orders.AsNoTracking().Include(o => o.StatusTransitions).SingleOrDefaultAsync(o => o.Id == delivery.OrderId, ct);
        var urlReference = delivery.StatusTransitionId is { } t && webhook == Webhook.StatusTransitionCreated
            ? Hosting.Links.OrderStatusTransition(baseUrl, t) : Hosting.Links.Order(baseUrl, delivery.OrderId);
        var result = await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendAsync(subscription, delivery.MessageId, webhook, urlReference,
            order is null ? null : OrderResponse.From(order, baseUrl), delivery.ModifiedFields, ct);

        delivery.Attempts++;
        db.WebhookAttempts.Add(new WebhookAttempt
        {
            DeliveryId = delivery.Id, SubscriptionId = subscription.Id, Number = delivery.Attempts, AttemptedAt = now,
            StatusCode = result.StatusCode, LatencyMs = result.LatencyMs, Error = result.Error, Succeeded = result.Succeeded,
        });
        metrics.Attempted(result.Succeeded ? "delivered" : result.StatusCode is { } code ? $"http_{code}" : "no_answer");
        if (result.Succeeded)
        {
            if (delivery.Attempts == 1) metrics.Delivered(time.GetUtcNow() - delivery.EventDate);
            delivery.Status = DeliveryStatus.Delivered;
            delivery.DateDelivered = now;
            subscription.FailingSince = null;
        }
        else
        {
            subscription.FailingSince ??= now;
            var next = RetrySchedule.NextDelay(delivery.Attempts, result.RetryAfter, Random.Shared);
            if (result.StatusCode == 410) Disable(subscription, "The receiver answered 410 Gone.");
            else if (now - subscription.FailingSince >= options.Value.DisableAfterFailingFor)
                Disable(subscription, $"Every delivery failed for {options.Value.DisableAfterFailingFor.TotalDays:0} days.");
            if (!subscription.IsEnabled || next is null) delivery.Status = DeliveryStatus.Failed;
            else delivery.DueAt = now + next.Value;
            log.LogInformation("Webhook {MessageId} to {Url} failed (attempt {Attempt}): {Error}", delivery.MessageId, subscription.CallbackUrl, delivery.Attempts, result.Error);
        }
        await ReleaseAsync(db, delivery, owner, ct);
    }

    private void Disable(WebhookSubscription subscription, string reason)
    {
        subscription.IsEnabled = false;
        subscription.DisabledReason = reason;
        log.LogWarning("Webhook subscription {Id} disabled: {Reason}", subscription.Id, reason);
    }

    /// <summary>
    /// Stores the outcome (attempt, delivery, subscription) in one transaction, only while the lease is still ours:
    /// the lease owner is the delivery's concurrency token, so a worker that took it over meanwhile wins.
    /// </summary>
    private async Task ReleaseAsync(OrdersDbContext db, WebhookDelivery delivery, string owner, CancellationToken ct)
    {
        delivery.LeaseOwner = null;
        delivery.LeaseExpiresAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Lost the lease on webhook {MessageId} ({Owner}); its new holder records the outcome.", delivery.MessageId, owner);
        }
    }
}
