using OpenOrders.Domain;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// A callback URL that hears one webhook for one tenant (a provider its orders, an account its own, an admin all).
/// The shared secret signs every delivery; after a rotation the previous one signs too, for 24 hours.
/// </summary>
public sealed class WebhookSubscription
{
    public Guid Id { get; set; }
    public Guid WebhookId { get; set; }
    public required string CallbackUrl { get; set; }
    public Role OwnerRole { get; set; }
    public Guid? TenantId { get; set; }
    public required string Secret { get; set; }
    public string? PreviousSecret { get; set; }
    public DateTimeOffset? PreviousSecretExpiresAt { get; set; }
    public bool IsEnabled { get; set; } = true;
    public string? DisabledReason { get; set; }

    /// <summary>When the current run of failed attempts began; null while deliveries succeed.</summary>
    public DateTimeOffset? FailingSince { get; set; }

    /// <summary>When people were last told that it fails: at most once a day.</summary>
    public DateTimeOffset? FailureMailedAt { get; set; }
    public DateTimeOffset DateCreated { get; set; }

    public IEnumerable<string> SigningSecrets(DateTimeOffset now) =>
        PreviousSecret is not null && PreviousSecretExpiresAt > now ? [Secret, PreviousSecret] : [Secret];
}

public enum DeliveryStatus
{
    Pending,
    Delivered,
    /// <summary>Every attempt of the schedule failed, or the subscription was disabled: replay can revive it.</summary>
    Failed,
}

/// <summary>
/// One event for one subscription. Its id is the Standard Webhooks <c>webhook-id</c>, the same on every retry and
/// replay.
/// </summary>
public sealed class WebhookDelivery : Work.ILeasable
{
    public Guid Id { get; set; }
    public Guid SubscriptionId { get; set; }
    public Guid WebhookId { get; set; }
    public long ChangePosition { get; set; }
    public Guid OrderId { get; set; }
    public Guid? StatusTransitionId { get; set; }
    public List<string> ModifiedFields { get; set; } = [];
    public DeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset? DateDelivered { get; set; }

    /// <summary>When the change was made: the start of the delivery latency.</summary>
    public DateTimeOffset EventDate { get; set; }

    public string MessageId => "msg_" + Id.ToString("N");
}

/// <summary>One try at sending a delivery: the delivery log.</summary>
public sealed class WebhookAttempt
{
    public long Id { get; set; }
    public Guid DeliveryId { get; set; }
    public Guid SubscriptionId { get; set; }
    public int Number { get; set; }
    public DateTimeOffset AttemptedAt { get; set; }
    public int? StatusCode { get; set; }
    public int LatencyMs { get; set; }
    public string? Error { get; set; }

    /// <summary>Why it failed, as a kind (null when it succeeded): what the console words.</summary>
    public DeliveryFailure? Failure { get; set; }

    public bool Succeeded { get; set; }

    /// <summary>
    /// The start of the receiver's answer (<see cref="AttemptResult.ExcerptLength"/> characters at most).
    /// </summary>
    public string? ResponseExcerpt { get; set; }
}
