using OpenOrders.Api.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Work;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// What clients and people do with webhook subscriptions, written once: the API's endpoints and the console's forms
/// call these, so both have the same tenancy (<see cref="Visible"/>), the same checks and the same messages. A
/// subscription the caller may not see gives null, exactly like one that does not exist.
/// </summary>
public sealed class WebhookSubscriptions(
    OrdersDbContext db, CallbackUrlPolicy policy, WebhookSender sender, DeliverySignal signal, TimeProvider time,
    IOptions<WebhookOptions> options, Hosting.PublicUrl publicUrl)
{
    public const string SecretRule = "Between 16 and 200 characters, or leave it out to get one.";

    /// <summary>Tenancy: the subscriptions the caller sees (<see cref="Visibility.WebhookSubscriptions"/>).</summary>
    public IQueryable<WebhookSubscription> Visible(Caller caller) => db.WebhookSubscriptions.Visible(caller);

    /// <summary>A new subscription for the caller's tenant, or every problem with the request (by property).</summary>
    public async Task<Subscribed> SubscribeAsync(
        Guid? webhookId, string? callbackUrl, string? sharedSecret, Caller caller, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(webhookId, "webhookId") && Webhook.Find(webhookId.Value) is null)
            errors.Add("webhookId", "Not a webhook. One of: "
                + string.Join(", ", Webhook.All.Select(w => $"{w.Id} ({w.Resource} {w.Action})")) + ".");
        if (errors.Required(callbackUrl, "callbackUrl", 2000)
            && await policy.ProblemWithAsync(callbackUrl, ct) is { } problem) errors.Add("callbackUrl", problem);
        if (SecretProblem(sharedSecret) is { } secretProblem) errors.Add("sharedSecret", secretProblem);
        if (errors.Any) return new Subscribed(null, errors.ToDictionary());
        // The same webhook to the same URL twice would send every event twice: answer with the one there is.
        if (await Visible(caller).FirstOrDefaultAsync(s => s.OwnerRole == caller.Role && s.TenantId == caller.TenantId
                && s.WebhookId == webhookId && s.CallbackUrl == callbackUrl, ct) is { } existing)
            return new Subscribed(null, new Dictionary<string, string[]>
            {
                ["callbackUrl"] = [$"Already subscribed to this webhook: subscription {existing.Id}."],
            }, existing);

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), WebhookId = webhookId!.Value, CallbackUrl = callbackUrl!,
            OwnerRole = caller.Role, TenantId = caller.TenantId, Secret = sharedSecret ?? WebhookSigning.NewSecret(),
            DateCreated = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return new Subscribed(subscription, null);
    }

    /// <summary>Why a shared secret someone chose is refused; null when it is acceptable or left out.</summary>
    public static string? SecretProblem(string? secret) => secret is { Length: < 16 or > 200 } ? SecretRule : null;

    public async Task<List<WebhookSubscription>> ListAsync(Caller caller, CancellationToken ct) =>
        await Visible(caller).AsNoTracking().OrderBy(s => s.DateCreated).ToListAsync(ct);

    /// <summary>The caller's subscriptions, each with how many of its deliveries wait and how many failed.</summary>
    public async Task<List<SubscriptionSummary>> SummariesAsync(Caller caller, CancellationToken ct)
    {
        var subscriptions = await ListAsync(caller, ct);
        var ids = subscriptions.Select(s => s.Id).ToList();
        var counts = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => ids.Contains(d.SubscriptionId) && d.Status != DeliveryStatus.Delivered)
            .GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        int CountOf(Guid id, DeliveryStatus status) =>
            counts.FirstOrDefault(c => c.SubscriptionId == id && c.Status == status)?.Count ?? 0;
        return [.. subscriptions.Select(s => new SubscriptionSummary(
            s, Pending: CountOf(s.Id, DeliveryStatus.Pending), Failed: CountOf(s.Id, DeliveryStatus.Failed)))];
    }

    public Task<WebhookSubscription?> FindAsync(Guid id, Caller caller, CancellationToken ct) =>
        Visible(caller).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);

    /// <summary>How many deliveries of a subscription wait to be sent: those disabling or deleting it fails.</summary>
    public Task<int> WaitingCountAsync(Guid id, CancellationToken ct) =>
        db.WebhookDeliveries.CountAsync(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending, ct);

    /// <summary>
    /// Removes the subscription and answers it (null when the caller sees none by that id); its pending deliveries fail
    /// first, so none is left waiting forever.
    /// </summary>
    public async Task<WebhookSubscription?> DeleteAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var subscription = await Visible(caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return null;
        var failed = await FailPendingAsync(id, ct);
        db.WebhookSubscriptions.Remove(subscription);
        db.Record(caller.Actor, AuditAction.WebhookDeleted, subscription.CallbackUrl, time.GetUtcNow(),
            failed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>
    /// Stops deliveries, as the dispatcher does after a 410 or days of failure. Pending deliveries fail at once (the
    /// dispatcher would fail them when due anyway, and the log should say so now); while disabled no new ones are
    /// made. After <see cref="EnableAsync"/>, <see cref="RecoverAsync"/> sends the failed ones again, with their ids.
    /// Disabling a disabled subscription keeps the first reason: it says why deliveries stopped.
    /// </summary>
    public async Task<Disabled?> DisableAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var subscription = await Visible(caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return null;
        var wasEnabled = subscription.IsEnabled;
        if (wasEnabled)
            (subscription.IsEnabled, subscription.DisabledReason) = (false, $"Disabled by {caller.Id}.");
        await db.SaveChangesAsync(ct);
        var failed = await FailPendingAsync(id, ct);
        if (wasEnabled)
        {
            db.Record(caller.Actor, AuditAction.WebhookDisabled, subscription.CallbackUrl, time.GetUtcNow(),
                failed.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await db.SaveChangesAsync(ct);
        }
        return new Disabled(subscription, failed);
    }

    public async Task<WebhookSubscription?> EnableAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var subscription = await Visible(caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return null;
        (subscription.IsEnabled, subscription.DisabledReason, subscription.FailingSince) = (true, null, null);
        await db.SaveChangesAsync(ct);
        return subscription;
    }

    /// <summary>A new secret (the given one, or a generated one); the old one signs too, for the overlap.</summary>
    public async Task<RotatedSecretResponse?> RotateSecretAsync(
        Guid id, string? sharedSecret, Caller caller, CancellationToken ct)
    {
        var subscription = await Visible(caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return null;
        var now = time.GetUtcNow();
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretExpiresAt = now + options.Value.RotationOverlap;
        subscription.Secret = sharedSecret ?? WebhookSigning.NewSecret();
        await db.SaveChangesAsync(ct);
        return new RotatedSecretResponse(subscription.Secret, subscription.PreviousSecretExpiresAt.Value);
    }

    /// <summary>A signed test event, sent now and outside the log: the receiver's answer is the result.</summary>
    public async Task<AttemptResult?> SendTestAsync(Guid id, Caller caller, CancellationToken ct)
    {
        var subscription = await FindAsync(id, caller, ct);
        if (subscription is null) return null;
        var urlReference = $"{publicUrl.BaseUrl}/api/v1/webhook-subscriptions/{id}";
        return await sender.SendAsync(subscription, "msg_test_" + Guid.NewGuid().ToString("N"),
            Webhook.Find(subscription.WebhookId)!, urlReference, new { test = true }, [], ct);
    }

    /// <summary>Sends one delivery again, with its webhook-id.</summary>
    public async Task<Redelivery> RedeliverAsync(Guid id, Guid deliveryId, Caller caller, CancellationToken ct)
    {
        if (!await Visible(caller).AnyAsync(s => s.Id == id, ct)) return Redelivery.NoSubscription;
        var rescheduled = await RescheduleAsync(
            db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Id == deliveryId), ct);
        return rescheduled == 0 ? Redelivery.NoDelivery : Redelivery.Rescheduled;
    }

    /// <summary>Sends again every delivery that failed since the given time: how many, or null.</summary>
    public async Task<int?> RecoverAsync(Guid id, DateTimeOffset since, Caller caller, CancellationToken ct)
    {
        if (!await Visible(caller).AnyAsync(s => s.Id == id, ct)) return null;
        return await RescheduleAsync(db.WebhookDeliveries.Where(d =>
            d.SubscriptionId == id && d.Status == DeliveryStatus.Failed && d.DateCreated >= since), ct);
    }

    /// <summary>Back to pending, due now, with a fresh schedule; the id (webhook-id) stays. Wakes the worker.</summary>
    private async Task<int> RescheduleAsync(IQueryable<WebhookDelivery> deliveries, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var rescheduled = await deliveries.ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.DueAt, now)
            .SetProperty(d => d.Attempts, 0).SetProperty(d => d.LeaseOwner, (string?)null)
            .SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null), ct);
        signal.Notify();
        return rescheduled;
    }

    private Task<int> FailPendingAsync(Guid subscriptionId, CancellationToken ct) =>
        db.WebhookDeliveries.Where(d => d.SubscriptionId == subscriptionId && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), ct);
}

/// <summary>The new subscription (its secret is shown this once), or the problems by property.</summary>
/// <summary>
/// A new subscription; or the problems with the request, and the subscription it repeats when it does.
/// </summary>
public sealed record Subscribed(
    WebhookSubscription? Subscription, IDictionary<string, string[]>? Errors, WebhookSubscription? Existing = null);

public sealed record SubscriptionSummary(WebhookSubscription Subscription, int Pending, int Failed);

public sealed record Disabled(WebhookSubscription Subscription, int FailedPending);

public enum Redelivery
{
    Rescheduled,
    NoSubscription,
    NoDelivery,
}
