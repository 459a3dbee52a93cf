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
/// (<see cref="Mail.OrderMails"/>) are written in the same transaction, but read and rendered before it: SQLite takes
/// its one write lock when the transaction begins, so the lock should hold only the writes (decision record 0009).
/// </summary>
public sealed class WebhookFanout(OrdersDbContext db, TimeProvider time, Mail.OrderMails mails)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var seen = await Unfanned(upTo: long.MaxValue).AsNoTracking().ToListAsync(ct);
        if (seen.Count == 0) return 0;
        var mailsOf = await mails.RenderForAsync(db, seen, ct);
        var rendered = seen.Select(c => c.Position).ToHashSet();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Touching the counter row first makes concurrent passes (other instances) wait for this one.
        var last = (await db.Database.SqlQuery<long>($"""
            UPDATE "Counters" SET "Value" = "Value" WHERE "Name" = {Counter.EventFeed} RETURNING "Value" AS "Value"
            """).ToListAsync(ct)).Single();
        // Read again under the lock: another instance's pass may have taken some. Changes after the last one seen wait
        // for the next pass, so only those that committed late with an earlier position are rendered under the lock.
        var changes = await Unfanned(upTo: seen[^1].Position).ToListAsync(ct);
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
        var late = changes.Where(c => !rendered.Contains(c.Position)).ToList();
        var lateMailsOf = late.Count == 0 ? mailsOf : await mails.RenderForAsync(db, late, ct);
        foreach (var change in changes)
            foreach (var mail in (rendered.Contains(change.Position) ? mailsOf : lateMailsOf)[change.Position])
                Mail.MailOutbox.Add(db, mail);
        await db.Counters.Where(c => c.Name == Counter.EventFeed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, last), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return changes.Count;
    }

    private IQueryable<OrderChange> Unfanned(long upTo) => db.OrderChanges
        .Where(c => c.FeedPosition == null && c.Position <= upTo).OrderBy(c => c.Position).Take(500);

    /// <summary>A subscription hears of the orders its owner sees (<see cref="Visibility.Orders"/>).</summary>
    public static bool Hears(WebhookSubscription subscription, Guid accountId, Guid? providerId) =>
        Visibility.SeesOrder(subscription.OwnerRole, subscription.TenantId, accountId, providerId);
}
