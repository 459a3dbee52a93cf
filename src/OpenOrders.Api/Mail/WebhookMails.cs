using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.People;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Tells the subscription's tenant's people (and the admins) who asked for it that a subscription started failing
/// (at most once a day) or was disabled. Written in the dispatcher's transaction that records the failure.
/// </summary>
public sealed class WebhookMails(MailOutbox outbox, IOptions<WebhookOptions> webhooks)
{
    public static readonly TimeSpan AtMostEvery = TimeSpan.FromDays(1);

    /// <summary>Whether a subscription that fails now should be mailed about (and notes that it is).</summary>
    public static bool ShouldTellFailing(WebhookSubscription subscription, DateTimeOffset now)
    {
        if (subscription.FailureMailedAt is { } last && now - last < AtMostEvery) return false;
        subscription.FailureMailedAt = now;
        return true;
    }

    public async Task AddAsync(OrdersDbContext db, IReadOnlyList<(WebhookSubscription Subscription, string? LastAnswer)>
        failing, IReadOnlyList<(WebhookSubscription Subscription, string? LastAnswer)> disabled, CancellationToken ct)
    {
        if (failing.Count == 0 && disabled.Count == 0) return;
        var tenants = failing.Concat(disabled).Select(f => f.Subscription.TenantId).OfType<Guid>().Distinct().ToList();
        var people = await db.People.AsNoTracking()
            .Where(p => p.WebhookProblemsMail && p.PasswordHash != null && p.DateDisabled == null
                && (p.Role == Role.Admin || (p.TenantId != null && tenants.Contains(p.TenantId.Value))))
            .ToListAsync(ct);
        foreach (var (subscription, answer) in failing)
            foreach (var person in Concerned(people, subscription))
            {
                var text = outbox.TextIn(person.Language);
                await outbox.AddAsync(db, MailKind.WebhookFailing, person.Email!, null, text,
                    MailTemplates.WebhookFailing(text, Notice(text, subscription, answer),
                        webhooks.Value.DisableAfterFailingFor, outbox.BaseUrl),
                    $"Webhook subscription {subscription.Id} failing", personId: person.Id,
                    subscriptionId: subscription.Id);
            }
        foreach (var (subscription, answer) in disabled)
            foreach (var person in Concerned(people, subscription))
            {
                var text = outbox.TextIn(person.Language);
                await outbox.AddAsync(db, MailKind.WebhookDisabled, person.Email!, null, text,
                    MailTemplates.WebhookDisabled(text, Notice(text, subscription, answer),
                        Reason(text, subscription), outbox.BaseUrl),
                    $"Webhook subscription {subscription.Id} disabled", personId: person.Id,
                    subscriptionId: subscription.Id);
            }
    }

    /// <summary>The dispatcher's reasons, in the reader's language.</summary>
    private string Reason(MailText text, WebhookSubscription subscription) =>
        subscription.DisabledReason?.Contains("410", StringComparison.Ordinal) == true
            ? text["The receiver answered 410 Gone."]
            : text["Every delivery failed for {0} days.", (int)webhooks.Value.DisableAfterFailingFor.TotalDays];

    /// <summary>Admins hear of every subscription; a tenant's people of their tenant's.</summary>
    private static IEnumerable<Person> Concerned(List<Person> people, WebhookSubscription subscription) =>
        people.Where(p => p.Role == Role.Admin
            || (p.Role == subscription.OwnerRole && p.TenantId == subscription.TenantId));

    private static WebhookNotice Notice(MailText text, WebhookSubscription subscription, string? answer)
    {
        var webhook = Webhook.Find(subscription.WebhookId);
        return new WebhookNotice(subscription.Id,
            webhook is null ? subscription.WebhookId.ToString() : $"{webhook.Resource} {webhook.Action}",
            Receiver(subscription.CallbackUrl), subscription.FailingSince ?? DateTimeOffset.MinValue,
            answer is null ? null : MailText.OneLine(answer.Length > 300 ? answer[..300] + "…" : answer));
    }

    /// <summary>The callback without its query string, which may carry a receiver's token.</summary>
    private static string Receiver(string callbackUrl) =>
        Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) ? uri.GetLeftPart(UriPartial.Path) : callbackUrl;
}
