using Microsoft.Extensions.Localization;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// What a person calls webhooks and delivery states. Delivery states are the service's own, not the marketplace's
/// enumerations, so they have no display values. Each text is a literal key, so the check that every text has its
/// Dutch translation finds them.
/// </summary>
public static class WebhookPageText
{
    public static string DescriptionOf(Webhook webhook, IStringLocalizer text) =>
        webhook == Webhook.OrderCreated ? text["A new order"]
        : webhook == Webhook.OrderModified ? text["An order changed"]
        : text["An order moved to another status"];

    public static string StatusOf(DeliveryStatus status, IStringLocalizer text) => status switch
    {
        DeliveryStatus.Pending => text["Waiting"],
        DeliveryStatus.Delivered => text["Delivered"],
        _ => text["Failed"],
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
