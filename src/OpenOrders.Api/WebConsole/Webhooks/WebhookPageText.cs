using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// What a person calls webhooks and delivery states (the keys of their texts). Delivery states are the service's
/// own, not the marketplace's enumerations, so they have no display values of their own.
/// </summary>
public static class WebhookPageText
{
    public static string DescriptionOf(Webhook webhook) =>
        webhook == Webhook.OrderCreated ? "A new order"
        : webhook == Webhook.OrderModified ? "An order changed"
        : "An order moved to another status";

    public static string StatusOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "Waiting",
        DeliveryStatus.Delivered => "Delivered",
        _ => "Failed",
    };

    public static string BadgeOf(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Pending => "open",
        DeliveryStatus.Delivered => "ok",
        _ => "attention",
    };

    /// <summary>The value of <c>?show=</c> for a state: its name, so the filter needs no table of its own.</summary>
    public static string ShowValueOf(DeliveryStatus status) => status.ToString().ToLowerInvariant();

    public static DeliveryStatus? ParseShow(string? show) =>
        Enum.TryParse<DeliveryStatus>(show, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : null;
}
