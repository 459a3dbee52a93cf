using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Data;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The person's webhook subscriptions (an admin's: everyone's) and a form to subscribe a callback URL. The checks and
/// their messages are the API's own (<see cref="WebhookSubscriptions"/>); the secret goes to the next page, once.
/// </summary>
public sealed class WebhookSubscriptionsModel(WebhookSubscriptions subscriptions, OrdersDbContext db) : ConsolePage
{
    /// <summary>The TempData key of a secret to show once on the subscription's page.</summary>
    public const string NewSecretKey = "webhook-secret";

    [BindProperty]
    public Guid? WebhookId { get; set; }

    [BindProperty]
    public string? CallbackUrl { get; set; }

    [BindProperty]
    public string? SharedSecret { get; set; }

    public IReadOnlyList<SubscriptionSummary> Summaries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> OwnerNames { get; private set; } = new Dictionary<Guid, string>();

    /// <summary>What the API would answer in its 400, by property.</summary>
    public IDictionary<string, string[]> Problems { get; private set; } = new Dictionary<string, string[]>();

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var secret = string.IsNullOrWhiteSpace(SharedSecret) ? null : SharedSecret.Trim();
        var outcome = await subscriptions.SubscribeAsync(WebhookId, CallbackUrl?.Trim(), secret, Caller, ct);
        if (outcome.Subscription is not { } subscription)
        {
            Problems = outcome.Errors!;
            await LoadAsync(ct);
            return Page();
        }
        TempData[NewSecretKey] = subscription.Secret;
        Succeeded(Text["Subscribed: {0} hears about this from now on.", subscription.CallbackUrl]);
        return RedirectToPage("/Webhooks/Subscription", new { id = subscription.Id });
    }

    public string[] ProblemsWith(string property) => Problems.TryGetValue(property, out var messages) ? messages : [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Summaries = await subscriptions.SummariesAsync(Caller, ct);
        if (Caller.IsAdmin)
            OwnerNames = await SubscriptionOwners.NamesAsync(db, Summaries.Select(s => s.Subscription), ct);
    }
}
