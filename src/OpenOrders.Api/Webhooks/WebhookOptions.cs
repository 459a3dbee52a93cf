namespace OpenOrders.Api.Webhooks;

/// <summary>The <c>Webhooks</c> configuration section.</summary>
public sealed class WebhookOptions
{
    /// <summary>Plain http callback URLs; always allowed in Development.</summary>
    public bool AllowHttp { get; set; }

    /// <summary>
    /// Callback URLs on loopback, private, link-local or other internal addresses (tests; a closed network).
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>A subscription whose deliveries fail without a break for this long is disabled.</summary>
    public TimeSpan DisableAfterFailingFor { get; set; } = TimeSpan.FromDays(5);

    public TimeSpan KeepDeliveriesFor { get; set; } = TimeSpan.FromDays(30);

    public TimeSpan RotationOverlap { get; set; } = TimeSpan.FromHours(24);
}
