using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// The webhook catalogue, subscriptions (scoped to the caller's tenant), the delivery log and replay. The handlers
/// only translate HTTP: what they do is <see cref="WebhookSubscriptions"/>, which the console's pages call too.
/// </summary>
public static class WebhookSubscriptionsApi
{
    private const string Subscription = "webhook subscription";

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/webhooks", ListWebhooks)
            .WithName("listWebhooks")
            .WithDescription("The webhooks one can subscribe to, each a resource and an action.")
            .WithTags("Webhooks")
            .RequireRoles(Role.Admin, Role.Account, Role.Provider)
            .WithSummary("The webhooks one can subscribe to: resource and action");

        var group = app.MapGroup("/api/v1/webhook-subscriptions").WithTags("Webhooks")
            .RequireRoles(Role.Admin, Role.Account, Role.Provider).ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", Subscribe)
            .WithName("createWebhookSubscription")
            .WithDescription("Subscribes a callback URL to a webhook, for the caller's tenant. The shared secret " +
                "(given or generated) is in this answer only.")
            .WithSummary("Subscribe a callback URL; the shared secret is shown once")
            .ProducesValidationProblem().ProducesProblem(409);
        group.MapGet("", ListSubscriptions)
            .WithName("listWebhookSubscriptions")
            .WithDescription("The caller's webhook subscriptions (an admin's: all).")
            .WithSummary("The caller's subscriptions");
        group.MapGet("/{id:guid}", GetSubscription)
            .WithName("getWebhookSubscription")
            .WithDescription("One webhook subscription, without its secret.")
            .WithSummary("One subscription").ProducesProblem(404);
        group.MapDelete("/{id:guid}", Unsubscribe)
            .WithName("deleteWebhookSubscription")
            .WithDescription("Removes a subscription; its pending deliveries are given up.")
            .WithSummary("Remove a subscription and its pending deliveries")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/rotate-secret", RotateSecret)
            .WithName("rotateWebhookSecret")
            .WithDescription("A new shared secret; the old one keeps signing beside it for 24 hours.")
            .WithSummary("A new shared secret; the old one keeps signing for 24 hours").ProducesProblem(404);
        group.MapPost("/{id:guid}/disable", Disable)
            .WithName("disableWebhookSubscription")
            .WithDescription("Stops deliveries to a subscription until it is enabled again.")
            .WithSummary("Stop deliveries; pending ones fail, to be recovered after enabling").ProducesProblem(404);
        group.MapPost("/{id:guid}/enable", Enable)
            .WithName("enableWebhookSubscription")
            .WithDescription("Enables a disabled subscription again; failed deliveries can then be recovered.")
            .WithSummary("Re-enable a disabled subscription")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/test", SendTest)
            .WithName("sendWebhookTestEvent")
            .WithDescription("Sends a signed test event now and answers what the receiver said.")
            .WithSummary("Send a signed test event now and report the receiver's answer").ProducesProblem(404);
        group.MapGet("/{id:guid}/deliveries", ListAttempts)
            .WithName("listWebhookDeliveries")
            .WithDescription("The delivery log, newest first: every attempt with its status code, duration and error.")
            .WithSummary("The delivery log, newest first: failed=true for events still not delivered, " +
                "failedAttempts=true for every failed attempt")
            .ProducesProblem(404);
        group.MapPost("/{id:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver)
            .WithName("redeliverWebhook")
            .WithDescription("Sends one event again, with the same webhook-id.")
            .WithSummary("Send one event again, with its webhook-id").ProducesProblem(404);
        group.MapPost("/{id:guid}/recover", Recover)
            .WithName("recoverWebhookDeliveries")
            .WithDescription("Sends again every event that failed since a given time.")
            .WithSummary("Send again every event that failed since a given time")
            .ProducesValidationProblem().ProducesProblem(404);
        return app;
    }

    public static Ok<IReadOnlyList<WebhookResponse>> ListWebhooks() =>
        TypedResults.Ok<IReadOnlyList<WebhookResponse>>(
            [.. Webhook.All.Select(w => new WebhookResponse(w.Id, w.Resource, w.Action))]);

    public static async Task<Results<Created<SubscriptionResponse>, ValidationProblem, ProblemHttpResult>> Subscribe(
        SubscriptionRequest body, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        var outcome = await subscriptions.SubscribeAsync(
            body.WebhookId, body.CallbackUrl, body.SharedSecret, caller, ct);
        if (outcome.Existing is { } existing)
            return Problems.Conflict(
                $"This webhook is already sent to this URL by subscription {existing.Id}; a second one would " +
                "deliver every event twice.", new Dictionary<string, object?>
            {
                ["existingSubscription"] = $"/api/v1/webhook-subscriptions/{existing.Id}",
            });
        if (outcome.Subscription is not { } subscription) return Problems.Invalid(outcome.Errors!);
        return TypedResults.Created($"/api/v1/webhook-subscriptions/{subscription.Id}",
            SubscriptionResponse.From(subscription, showSecret: true));
    }

    public static async Task<Ok<ItemsResponse<SubscriptionResponse>>> ListSubscriptions(
        Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<SubscriptionResponse>(
            [.. (await subscriptions.ListAsync(caller, ct)).Select(s => SubscriptionResponse.From(s))]));

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> GetSubscription(
        Guid id, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.FindAsync(id, caller, ct) is { } s
            ? TypedResults.Ok(SubscriptionResponse.From(s)) : Problems.NotFound(Subscription, id);

    public static async Task<Results<NoContent, ProblemHttpResult>> Unsubscribe(
        Guid id, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.DeleteAsync(id, caller, ct) is not null
            ? TypedResults.NoContent() : Problems.NotFound(Subscription, id);

    public static async Task<Results<Ok<RotatedSecretResponse>, ValidationProblem, ProblemHttpResult>> RotateSecret(
        Guid id, RotateSecretRequest? body, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (WebhookSubscriptions.SecretProblem(body?.SharedSecret) is { } problem)
            return Problems.Invalid("sharedSecret", problem);
        return await subscriptions.RotateSecretAsync(id, body?.SharedSecret, caller, ct) is { } rotated
            ? TypedResults.Ok(rotated) : Problems.NotFound(Subscription, id);
    }

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Disable(
        Guid id, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.DisableAsync(id, caller, ct) is { } disabled
            ? TypedResults.Ok(SubscriptionResponse.From(disabled.Subscription)) : Problems.NotFound(Subscription, id);

    public static async Task<Results<Ok<SubscriptionResponse>, ProblemHttpResult>> Enable(
        Guid id, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.EnableAsync(id, caller, ct) is { } s
            ? TypedResults.Ok(SubscriptionResponse.From(s)) : Problems.NotFound(Subscription, id);

    public static async Task<Results<Ok<TestResponse>, ProblemHttpResult>> SendTest(
        Guid id, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.SendTestAsync(id, caller, ct) is { } r
            ? TypedResults.Ok(new TestResponse(r.Succeeded, r.StatusCode, r.LatencyMs, r.Error))
            : Problems.NotFound(Subscription, id);

    public static async Task<Results<Ok<ItemsResponse<AttemptResponse>>, ProblemHttpResult>> ListAttempts(
        Guid id, Caller caller, WebhookDeliveryLog log, bool? failed, bool? failedAttempts, int? limit,
        CancellationToken ct) =>
        await log.AttemptsAsync(id, failed == true, failedAttempts == true, limit ?? 100, caller, ct) is { } attempts
            ? TypedResults.Ok(new ItemsResponse<AttemptResponse>(attempts)) : Problems.NotFound(Subscription, id);

    public static async Task<Results<Accepted, ProblemHttpResult>> Redeliver(
        Guid id, Guid deliveryId, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct) =>
        await subscriptions.RedeliverAsync(id, deliveryId, caller, ct) switch
        {
            Redelivery.NoSubscription => Problems.NotFound(Subscription, id),
            Redelivery.NoDelivery => Problems.NotFound("delivery", deliveryId),
            _ => TypedResults.Accepted($"/api/v1/webhook-subscriptions/{id}/deliveries"),
        };

    public static async Task<Results<Ok<RecoverResponse>, ValidationProblem, ProblemHttpResult>> Recover(
        Guid id, RecoverRequest body, Caller caller, WebhookSubscriptions subscriptions, CancellationToken ct)
    {
        if (body.Since is not { } since)
            return Problems.Invalid("since", "Required: the time from which to send failed events again.");
        return await subscriptions.RecoverAsync(id, since, caller, ct) is { } rescheduled
            ? TypedResults.Ok(new RecoverResponse(rescheduled)) : Problems.NotFound(Subscription, id);
    }
}

public sealed record WebhookResponse(Guid Id, string Resource, string Action);

public sealed record SubscriptionRequest(
    [Required] Guid? WebhookId, [Required] string? CallbackUrl, string? SharedSecret);

public sealed record RotateSecretRequest(string? SharedSecret);

public sealed record RecoverRequest([Required] DateTimeOffset? Since);

public sealed record SubscriptionResponse(
    Guid Id, Guid WebhookId, string Resource, string Action, string CallbackUrl, string? SharedSecret, bool IsEnabled,
    string? DisabledReason, DateTimeOffset DateCreated)
{
    public static SubscriptionResponse From(WebhookSubscription s, bool showSecret = false)
    {
        var webhook = Webhook.Find(s.WebhookId)!;
        return new(s.Id, s.WebhookId, webhook.Resource, webhook.Action, s.CallbackUrl, showSecret ? s.Secret : null,
            s.IsEnabled, s.DisabledReason, s.DateCreated);
    }
}

public sealed record RotatedSecretResponse(string SharedSecret, DateTimeOffset PreviousSecretExpiresAt);

public sealed record TestResponse(bool Succeeded, int? StatusCode, int LatencyMs, string? Error);

public sealed record AttemptResponse(
    Guid DeliveryId, string WebhookMessageId, string Action, Guid OrderId, int Attempt, DateTimeOffset AttemptedAt,
    int? StatusCode, int LatencyMs, string? Error, bool Succeeded, DeliveryStatus DeliveryStatus,
    string? ResponseExcerpt);

public sealed record RecoverResponse(int Rescheduled);
