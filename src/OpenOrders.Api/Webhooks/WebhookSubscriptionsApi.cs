using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;

namespace OpenOrders.Api.Webhooks;

/// <summary>The webhook catalogue, subscriptions (scoped to the caller's tenant), the delivery log and replay.</summary>
public static class WebhookSubscriptionsApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/webhooks", ListWebhooks).WithTags("Webhooks").RequireRoles(Role.Admin, Role.Account, Role.Provider)
            .WithSummary("The webhooks one can subscribe to: resource and action");

        var group = app.MapGroup("/api/v1/webhook-subscriptions").WithTags("Webhooks").RequireRoles(Role.Admin, Role.Account, Role.Provider)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", Subscribe).WithSummary("Subscribe a callback URL; the shared secret is shown once").ProducesValidationProblem();
        group.MapGet("", ListSubscriptions).WithSummary("The caller's subscriptions");
        group.MapGet("/{id:guid}", GetSubscription).WithSummary("One subscription").ProducesProblem(404);
        group.MapDelete("/{id:guid}", Unsubscribe).WithSummary("Remove a subscription and its pending deliveries").ProducesProblem(404);
        group.MapPost("/{id:guid}/rotate-secret", RotateSecret).WithSummary("A new shared secret; the old one keeps signing for 24 hours").ProducesProblem(404);
        group.MapPost("/{id:guid}/enable", Enable).WithSummary("Re-enable a disabled subscription").ProducesProblem(404);
        group.MapPost("/{id:guid}/test", SendTest).WithSummary("Send a signed test event now and report the receiver's answer").ProducesProblem(404);
        group.MapGet("/{id:guid}/deliveries", ListAttempts).WithSummary("The delivery log: every attempt, newest first (failed=true for failures)").ProducesProblem(404);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithSummary("Send one event again, with its webhook-id").ProducesProblem(404);
        group.MapPost("/{id:guid}/recover", Recover).WithSummary("Send again every event that failed since a given time").ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    public static Ok<IReadOnlyList<WebhookResponse>> ListWebhooks() =>
        TypedResults.Ok<IReadOnlyList<WebhookResponse>>([.. Webhook.All.Select(w => new WebhookResponse(w.Id, w.Resource, w.Action))]);

    public static async Task<Results<Created<SubscriptionResponse>, ValidationProblem>> Subscribe(
        SubscriptionRequest body, Caller caller, OrdersDbContext db, CallbackUrlPolicy policy, TimeProvider time, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (errors.Required(body.WebhookId, "webhookId") && Webhook.Find(body.WebhookId.Value) is null)
            errors.Add("webhookId", $"Not a webhook. One of: {string.Join(", ", Webhook.All.Select(w => $"{w.Id} ({w.Resource} {w.Action})"))}.");
        if (errors.Required(body.CallbackUrl, "callbackUrl", 2000) && await policy.ProblemWithAsync(body.CallbackUrl, ct) is { } problem)
            errors.Add("callbackUrl", problem);
        if (body.SharedSecret is { Length: < 16 or > 200 }) errors.Add("sharedSecret", "Between 16 and 200 characters, or leave it out to get one.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var subscription = new WebhookSubscription
        {
            Id = Guid.CreateVersion7(), WebhookId = body.WebhookId!.Value, CallbackUrl = body.CallbackUrl!, OwnerRole = caller.Role,
            TenantId = caller.TenantId, Secret = body.SharedSecret ?? WebhookSigning.NewSecret(), DateCreated = time.GetUtcNow(),
        };
        db.WebhookSubscriptions.Add(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/webhook-subscriptions/{subscription.Id}", SubscriptionResponse.From(subscription, showSecret: true));
    }

    public static async Task<Ok<ItemsResponse<SubscriptionResponse>>> ListSubscriptions(Caller caller, OrdersDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<SubscriptionResponse>(
            [.. (await Visible(db, caller).AsNoTracking().OrderBy(s => s.DateCreated).ToListAsync(ct)).Select(s => SubscriptionResponse.From(s))]));

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetSubscription(Guid id, Caller caller, OrdersDbContext db, CancellationToken ct) =>
        await Visible(db, caller).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct) is { } s
            ? TypedResults.Ok(SubscriptionResponse.From(s)) : Problems.NotFound("webhook subscription", id);

    public static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(Guid id, Caller caller, OrdersDbContext db, CancellationToken ct)
    {
        var subscription = await Visible(db, caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("webhook subscription", id);
        await db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Failed), ct);
        db.WebhookSubscriptions.Remove(subscription);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<RotatedSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecret(
        Guid id, RotateSecretRequest? body, Caller caller, OrdersDbContext db, TimeProvider time, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        if (body?.SharedSecret is { Length: < 16 or > 200 }) return Problems.Invalid("sharedSecret", "Between 16 and 200 characters, or leave it out to get one.");
        var subscription = await Visible(db, caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("webhook subscription", id);
        var now = time.GetUtcNow();
        subscription.PreviousSecret = subscription.Secret;
        subscription.PreviousSecretExpiresAt = now + options.Value.RotationOverlap;
        subscription.Secret = body?.SharedSecret ?? WebhookSigning.NewSecret();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new RotatedSecretResponse(subscription.Secret, subscription.PreviousSecretExpiresAt.Value));
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Enable(Guid id, Caller caller, OrdersDbContext db, CancellationToken ct)
    {
        var subscription = await Visible(db, caller).SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("webhook subscription", id);
        (subscription.IsEnabled, subscription.DisabledReason, subscription.FailingSince) = (true, null, null);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(SubscriptionResponse.From(subscription));
    }

    public static async Task<Results<Ok<TestResponse>, ProblemHttpResult>> SendTest(
        Guid id, Caller caller, OrdersDbContext db, WebhookSender sender, IOptions<WebhookOptions> options, CancellationToken ct)
    {
        var subscription = await Visible(db, caller).AsNoTracking().SingleOrDefaultAsync(s => s.Id == id, ct);
        if (subscription is null) return Problems.NotFound("webhook subscription", id);
        var webhook = Webhook.Find(subscription.WebhookId)!;
        var result = await sender.SendAsync(subscription, "msg_test_" + Guid.NewGuid().ToString("N"), webhook,
            $"{options.Value.PublicBaseUrl.TrimEnd('/')}/api/v1/webhook-subscriptions/{id}", new { test = true }, [], ct);
        return TypedResults.Ok(new TestResponse(result.Succeeded, result.StatusCode, result.LatencyMs, result.Error));
    }

    public static async Task<Results<Ok<ItemsResponse<AttemptResponse>>, ProblemHttpResult>> ListAttempts(
        Guid id, Caller caller, OrdersDbContext db, bool? failed, int? limit, CancellationToken ct)
    {
        if (!await Visible(db, caller).AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("webhook subscription", id);
        var query = db.WebhookAttempts.AsNoTracking().Where(a => a.SubscriptionId == id);
        if (failed == true) query = query.Where(a => !a.Succeeded);
        var attempts = await query.OrderByDescending(a => a.Id).Take(Math.Clamp(limit ?? 100, 1, 500))
            .Join(db.WebhookDeliveries, a => a.DeliveryId, d => d.Id, (a, d) => new { a, d.WebhookId, d.OrderId, d.Status }).ToListAsync(ct);
        return TypedResults.Ok(new ItemsResponse<AttemptResponse>([.. attempts.Select(x => new AttemptResponse(
            x.a.DeliveryId, "msg_" + x.a.DeliveryId.ToString("N"), Webhook.Find(x.WebhookId)!.Action, x.OrderId, x.a.Number, x.a.AttemptedAt,
            x.a.StatusCode, x.a.LatencyMs, x.a.Error, x.a.Succeeded, x.Status))]));
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> Redeliver(
        Guid id, Guid deliveryId, Caller caller, OrdersDbContext db, TimeProvider time, DeliverySignal signal, CancellationToken ct)
    {
        if (!await Visible(db, caller).AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("webhook subscription", id);
        var rescheduled = await Reschedule(db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Id == deliveryId), time.GetUtcNow(), ct);
        if (rescheduled == 0) return Problems.NotFound("delivery", deliveryId);
        signal.Notify();
        return TypedResults.Accepted($"/api/v1/webhook-subscriptions/{id}/deliveries");
    }

    public static async Task<Results<Ok<RecoverResponse>, ValidationProblem, ProblemHttpResult>> Recover(
        Guid id, RecoverRequest body, Caller caller, OrdersDbContext db, TimeProvider time, DeliverySignal signal, CancellationToken ct)
    {
        if (body.Since is not { } since) return Problems.Invalid("since", "Required: the time from which to send failed events again.");
        if (!await Visible(db, caller).AnyAsync(s => s.Id == id, ct)) return Problems.NotFound("webhook subscription", id);
        var rescheduled = await Reschedule(
            db.WebhookDeliveries.Where(d => d.SubscriptionId == id && d.Status == DeliveryStatus.Failed && d.DateCreated >= since), time.GetUtcNow(), ct);
        signal.Notify();
        return TypedResults.Ok(new RecoverResponse(rescheduled));
    }

    /// <summary>Back to pending, due now, with a fresh schedule; the id (webhook-id) stays.</summary>
    private static Task<int> Reschedule(IQueryable<WebhookDelivery> deliveries, DateTimeOffset now, CancellationToken ct) =>
        deliveries.ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.DueAt, now)
            .SetProperty(d => d.Attempts, 0).SetProperty(d => d.LeaseOwner, (string?)null).SetProperty(d => d.LeaseExpiresAt, (DateTimeOffset?)null), ct);

    private static IQueryable<WebhookSubscription> Visible(OrdersDbContext db, Caller caller) => caller.IsAdmin
        ? db.WebhookSubscriptions
        : db.WebhookSubscriptions.Where(s => s.OwnerRole == caller.Role && s.TenantId == caller.TenantId);
}

public sealed record WebhookResponse(Guid Id, string Resource, string Action);

public sealed record SubscriptionRequest(Guid? WebhookId, string? CallbackUrl, string? SharedSecret);

public sealed record RotateSecretRequest(string? SharedSecret);

public sealed record RecoverRequest(DateTimeOffset? Since);

public sealed record SubscriptionResponse(
    Guid Id, Guid WebhookId, string Resource, string Action, string CallbackUrl, string? SharedSecret, bool IsEnabled,
    string? DisabledReason, DateTimeOffset DateCreated)
{
    public static SubscriptionResponse From(WebhookSubscription s, bool showSecret = false)
    {
        var webhook = Webhook.Find(s.WebhookId)!;
        return new(s.Id, s.WebhookId, webhook.Resource, webhook.Action, s.CallbackUrl, showSecret ? s.Secret : null, s.IsEnabled, s.DisabledReason, s.DateCreated);
    }
}

public sealed record RotatedSecretResponse(string SharedSecret, DateTimeOffset PreviousSecretExpiresAt);

public sealed record TestResponse(bool Succeeded, int? StatusCode, int LatencyMs, string? Error);

public sealed record AttemptResponse(
    Guid DeliveryId, string WebhookMessageId, string Action, Guid OrderId, int Attempt, DateTimeOffset AttemptedAt,
    int? StatusCode, int LatencyMs, string? Error, bool Succeeded, DeliveryStatus DeliveryStatus);

public sealed record RecoverResponse(int Rescheduled);
