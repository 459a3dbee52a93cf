using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Turns committed order changes (the outbox rows, written with each change) into one delivery per matching
/// subscription, and numbers them for the events feed. Passes are serialised by the feed counter's row lock,
/// so feed positions follow commit order and no change is skipped or fanned out twice. The mails a change gives
/// (<see cref="Mail.OrderMails"/>) are written in the same transaction.
/// </summary>
public sealed class WebhookFanout(OrdersDbContext db, TimeProvider time, Mail.OrderMails mails)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Touching the counter row first makes concurrent passes (other instances) wait for this one.
        var last = (await db.Database.SqlQuery<long>($"""
            UPDATE "Counters" SET "Value" = "Value" WHERE "Name" = {Counter.EventFeed} RETURNING "Value" AS "Value"
            """).ToListAsync(ct)).Single();
        var changes = await db.OrderChanges.Where(c => c.FeedPosition == null).OrderBy(c => c.Position).Take(500)
            .ToListAsync(ct);
        if (changes.Count == 0) return 0;

        var orderIds = changes.Select(c => c.OrderId).Distinct().ToList();
        var owners = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .Select(o => new { o.Id, o.AccountId, o.ProviderId }).ToDictionaryAsync(o => o.Id, ct);
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().Where(s => s.IsEnabled).ToListAsync(ct);
        var now = time.GetUtcNow();

        foreach (var change in changes)
        {
            change.FeedPosition = ++last;
            var owner = owners[change.OrderId];
            foreach (var webhook in Webhook.For(change.Kind))
                foreach (var subscription in subscriptions.Where(s => s.WebhookId == webhook.Id
                        && Hears(s, owner.AccountId, owner.ProviderId)))
                    db.WebhookDeliveries.Add(new WebhookDelivery
                    {
                        Id = Guid.CreateVersion7(now), SubscriptionId = subscription.Id, WebhookId = webhook.Id,
                        ChangePosition = change.Position, OrderId = change.OrderId,
                        StatusTransitionId = change.StatusTransitionId, ModifiedFields = change.ModifiedFields,
                        Status = DeliveryStatus.Pending, DueAt = now, DateCreated = now, EventDate = change.DateCreated,
                    });
        }
        await mails.AddForAsync(db, changes, ct);
        await db.Counters.Where(c => c.Name == Counter.EventFeed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, last), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changes.Count;
    }

    /// <summary>A subscription hears of the orders its owner sees (<see cref="Visibility.Orders"/>).</summary>
    public static bool Hears(WebhookSubscription subscription, Guid accountId, Guid? providerId) =>
        Visibility.SeesOrder(subscription.OwnerRole, subscription.TenantId, accountId, providerId);
}
