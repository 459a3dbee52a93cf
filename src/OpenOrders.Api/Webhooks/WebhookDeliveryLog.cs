using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// What was sent to a subscription and how the receiver answered: the API reads it attempt by attempt, the console
/// delivery by delivery with their attempts. Both through <see cref="WebhookSubscriptions.Visible"/>: another tenant's
/// subscription has no log (null).
/// </summary>
public sealed class WebhookDeliveryLog(OrdersDbContext db, WebhookSubscriptions subscriptions)
{
    public const int PageSize = 20;

    /// <summary>
    /// Every attempt, newest first. <paramref name="stillFailing"/>: the failed attempts of events not delivered
    /// (yet); <paramref name="failedAttempts"/>: every failed attempt, those of events delivered later too.
    /// </summary>
    public async Task<IReadOnlyList<AttemptResponse>?> AttemptsAsync(
        Guid id, bool stillFailing, bool failedAttempts, int limit, Caller caller, CancellationToken ct)
    {
        if (!await subscriptions.Visible(caller).AnyAsync(s => s.Id == id, ct)) return null;
        var query = db.WebhookAttempts.AsNoTracking().Where(a => a.SubscriptionId == id);
        if (stillFailing || failedAttempts) query = query.Where(a => !a.Succeeded);
        if (stillFailing)
            query = query.Where(a => db.WebhookDeliveries.Any(d => d.Id == a.DeliveryId
                && d.Status != DeliveryStatus.Delivered));
        var attempts = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(limit, 1, 500))
            .Join(db.WebhookDeliveries, a => a.DeliveryId, d => d.Id,
                (a, d) => new { a, d.WebhookId, d.OrderId, d.Status })
            .ToListAsync(ct);
        return [.. attempts.Select(x => new AttemptResponse(
            DeliveryId: x.a.DeliveryId, WebhookMessageId: "msg_" + x.a.DeliveryId.ToString("N"),
            Action: Webhook.Find(x.WebhookId)!.Action, OrderId: x.OrderId, Attempt: x.a.Number,
            AttemptedAt: x.a.AttemptedAt,
            StatusCode: x.a.StatusCode, LatencyMs: x.a.LatencyMs, Error: x.a.Error, Succeeded: x.a.Succeeded,
            DeliveryStatus: x.Status, ResponseExcerpt: x.a.ResponseExcerpt))];
    }

    /// <summary>
    /// One page of deliveries, newest event first, each with its attempts in the order they were made. The cursor is
    /// the change's position, unique within a subscription (one webhook each), so a page never repeats or skips one.
    /// </summary>
    public async Task<DeliveryLogPage?> PageAsync(
        Guid id, DeliveryStatus? status, long? before, Caller caller, CancellationToken ct)
    {
        if (!await subscriptions.Visible(caller).AnyAsync(s => s.Id == id, ct)) return null;
        var query = db.WebhookDeliveries.AsNoTracking().Where(d => d.SubscriptionId == id);
        if (status is { } wanted) query = query.Where(d => d.Status == wanted);
        if (before is { } position) query = query.Where(d => d.ChangePosition < position);
        var deliveries = await query.OrderByDescending(d => d.ChangePosition).Take(PageSize + 1).ToListAsync(ct);
        long? older = null;
        if (deliveries.Count > PageSize)
        {
            deliveries.RemoveAt(PageSize);
            older = deliveries[^1].ChangePosition;
        }

        var deliveryIds = deliveries.Select(d => d.Id).ToList();
        var attempts = (await db.WebhookAttempts.AsNoTracking().Where(a => deliveryIds.Contains(a.DeliveryId))
            .OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.DeliveryId);
        var orderIds = deliveries.Select(d => d.OrderId).Distinct().ToList();
        var numbers = await db.Orders.Visible(caller).Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.OrderNumber }).ToDictionaryAsync(o => o.Id, o => (int?)o.OrderNumber, ct);
        return new DeliveryLogPage(
            [.. deliveries.Select(d => new LoggedDelivery(
                d, Webhook.Find(d.WebhookId)!, numbers.GetValueOrDefault(d.OrderId), [.. attempts[d.Id]]))],
            older);
    }
}

/// <summary>A delivery as the log shows it; no order number when the order is gone or not the caller's.</summary>
public sealed record LoggedDelivery(
    WebhookDelivery Delivery, Webhook Webhook, int? OrderNumber, IReadOnlyList<WebhookAttempt> Attempts);

/// <summary>A page of the log; <see cref="Older"/> is the cursor of the next (older) page, null on the last.</summary>
public sealed record DeliveryLogPage(IReadOnlyList<LoggedDelivery> Deliveries, long? Older);
