using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using OpenOrders.Api.Data;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// One subscription: its facts, what a person may do with it (the API's own operations, see
/// <see cref="WebhookSubscriptions"/>) and its delivery log, filtered by state in the URL and paged by cursor.
/// Another tenant's subscription is a 404, as in the API.
/// </summary>
public sealed class WebhookSubscriptionModel(
    WebhookSubscriptions subscriptions, WebhookDeliveryLog log, OrdersDbContext db, TimeProvider time) : ConsolePage
{
    /// <summary>Which deliveries the log shows: a <see cref="DeliveryStatus"/> by name, or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; }

    /// <summary>The log's cursor: deliveries of changes before this position.</summary>
    [BindProperty(SupportsGet = true)]
    public long? Before { get; set; }

    public WebhookSubscription Subscription { get; private set; } = null!;
    public Webhook Webhook => Webhook.Find(Subscription.WebhookId)!;
    public DeliveryStatus? Showing => WebhookPageText.ParseShow(Show);
    public DeliveryLogPage Log { get; private set; } = null!;
    public string? OwnerName { get; private set; }
    public DateTimeOffset Now { get; private set; }

    /// <summary>A secret just made (subscribing, rotating): shown on this one page and never again.</summary>
    public string? NewSecret { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await subscriptions.FindAsync(id, Caller, ct) is not { } subscription) return Missing();
        Subscription = subscription;
        Log = (await log.PageAsync(id, Showing, Before, Caller, ct))!;
        Now = time.GetUtcNow();
        NewSecret = TempData[WebhookSubscriptionsModel.NewSecretKey] as string;
        if (Caller.IsAdmin && subscription.TenantId is { } tenant)
            OwnerName = (await SubscriptionOwners.NamesAsync(db, [subscription], ct)).GetValueOrDefault(tenant);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            if (await OnGetAsync(id, ct) is not PageResult page || !Subscription.IsEnabled) return Back(id);
            ConfirmStep = new Confirmation
            {
                Question = Text["Disable the webhook to {0}?", Subscription.CallbackUrl],
                Consequences =
                [
                    WaitingWillFail(await subscriptions.WaitingCountAsync(id, ct)),
                    Text["Nothing is sent to this URL until you enable it again."],
                ],
                Action = Url.Page("/Webhooks/Subscription", "Disable", new { id })!,
                ConfirmLabel = Text["Yes, disable it"], BackUrl = PageUrl(Showing, null),
            };
            return page;
        }
        if (await subscriptions.DisableAsync(id, Caller, ct) is not { } disabled) return Missing();
        Succeeded(disabled.FailedPending == 0
            ? Text["Disabled: nothing is sent to this URL until you enable it again."]
            : disabled.FailedPending == 1
            ? Text["Disabled until you enable it again; its 1 waiting delivery is marked failed."]
            : Text["Disabled until you enable it again; its {0} waiting deliveries are marked failed.",
                disabled.FailedPending]);
        return Back(id);
    }

    public async Task<IActionResult> OnPostEnableAsync(Guid id, CancellationToken ct)
    {
        if (await subscriptions.EnableAsync(id, Caller, ct) is null) return Missing();
        Succeeded(Text["Enabled: new events are sent again. Send the failed ones again below."]);
        return Back(id);
    }

    public async Task<IActionResult> OnPostRotateAsync(Guid id, string? sharedSecret, CancellationToken ct)
    {
        var secret = string.IsNullOrWhiteSpace(sharedSecret) ? null : sharedSecret.Trim();
        if (WebhookSubscriptions.SecretProblem(secret) is { } problem)
        {
            Failed(problem);
            return Back(id);
        }
        if (await subscriptions.RotateSecretAsync(id, secret, Caller, ct) is not { } rotated) return Missing();
        TempData[WebhookSubscriptionsModel.NewSecretKey] = rotated.SharedSecret;
        Succeeded(Text["A new shared secret is made. The previous one signs deliveries too, until {0}.",
            Format.DateTime(rotated.PreviousSecretExpiresAt)]);
        return Back(id);
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, CancellationToken ct)
    {
        if (await subscriptions.SendTestAsync(id, Caller, ct) is not { } answer) return Missing();
        // The receiver's own answer, so the person can tell a wrong URL from a receiver that refuses the signature.
        if (answer.Succeeded)
            Succeeded(Text["Test event delivered: the receiver answered {0} in {1} ms.",
                answer.StatusCode!, answer.LatencyMs]);
        else
            Failed(Text["Test event not delivered ({0} ms): {1}", answer.LatencyMs,
                Words.DeliveryError(answer.StatusCode, answer.Failure)]);
        return Back(id);
    }

    public async Task<IActionResult> OnPostRecoverAsync(Guid id, string? since, CancellationToken ct)
    {
        if (Format.ParseDateTime(since) is not { } from)
        {
            Failed(Text["Enter the date and time from which to send failed deliveries again."]);
            return Back(id);
        }
        if (await subscriptions.RecoverAsync(id, from, Caller, ct) is not { } count) return Missing();
        Succeeded(count == 0
            ? Text["No delivery failed since {0}: there is nothing to send again.", Format.DateTime(from)]
            : count == 1 ? Text["1 failed delivery since {0} is sent again.", Format.DateTime(from)]
            : Text["{0} failed deliveries since {1} are sent again.", count, Format.DateTime(from)]);
        return Back(id);
    }

    public async Task<IActionResult> OnPostRedeliverAsync(Guid id, Guid deliveryId, CancellationToken ct)
    {
        if (await subscriptions.RedeliverAsync(id, deliveryId, Caller, ct) != Redelivery.Rescheduled) return Missing();
        Succeeded(Text["The event is sent again, with the same webhook-id."]);
        return Back(id);
    }

    /// <summary>
    /// Deleting cannot be undone: the first press draws the page again with what it does (counted when asked), and only
    /// the confirmation's own button deletes.
    /// </summary>
    public async Task<IActionResult> OnPostDeleteAsync(Guid id, bool confirmed, CancellationToken ct)
    {
        if (!confirmed)
        {
            if (await OnGetAsync(id, ct) is not PageResult page) return Missing();
            ConfirmStep = new Confirmation
            {
                Question = Text["Delete the subscription of {0}?", Subscription.CallbackUrl],
                Consequences =
                [
                    WaitingWillFail(await subscriptions.WaitingCountAsync(id, ct)),
                    Text["Nothing more is sent to this URL, and its delivery log is no longer shown."],
                    Text["This cannot be undone: to get these events again, subscribe again."],
                ],
                Action = Url.Page("/Webhooks/Subscription", "Delete", new { id })!,
                ConfirmLabel = Text["Yes, delete it"], BackUrl = PageUrl(Showing, null),
            };
            return page;
        }
        if (await subscriptions.DeleteAsync(id, Caller, ct) is not { } subscription) return Missing();
        Succeeded(Text["The subscription of {0} is deleted.", subscription.CallbackUrl]);
        return RedirectToPage("/Webhooks/Subscriptions");
    }

    private string WaitingWillFail(int waiting) =>
        waiting == 0 ? Text["No deliveries are waiting, so none will be failed."]
        : waiting == 1 ? Text["1 waiting delivery will be failed."]
        : Text["{0} waiting deliveries will be failed.", waiting];

    /// <summary>The log's URL with this filter and cursor.</summary>
    public string PageUrl(DeliveryStatus? show, long? before)
    {
        var query = new Dictionary<string, string?>();
        if (show is { } status) query["show"] = WebhookPageText.ShowValueOf(status);
        if (before is { } position) query["before"] = position.ToString(CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString($"/console/webhooks/{Subscription.Id}", query);
    }

    private RedirectToPageResult Back(Guid id) =>
        RedirectToPage(new { id, show = Showing is { } s ? WebhookPageText.ShowValueOf(s) : null });
}
