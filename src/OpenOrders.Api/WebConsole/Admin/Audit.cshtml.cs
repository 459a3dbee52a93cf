using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using OpenOrders.Api.Audit;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The audit log: admin actions (clients, people, webhooks, invoice runs), who did them and when; newest first, a page
/// at a time, by action and by who.
/// </summary>
public sealed class AdminAuditModel(OrdersDbContext db) : ConsolePage
{
    /// <summary>One action by name, or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    /// <summary>Who did it: part of a client id or e-mail address, in any letter case.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Actor { get; set; }

    /// <summary>The page's cursors: lines older, or newer, than a line (<see cref="AuditCursor"/>).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Older { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Newer { get; set; }

    public AuditAction? Showing => Enum.TryParse<AuditAction>(Action, out var a) && Enum.IsDefined(a) ? a : null;

    /// <summary>The actor filter as used: trimmed, and no longer than an actor can be.</summary>
    public string? Who => Actor?.Trim() is { Length: > 0 } who
        ? who.Length > AuditEntry.SubjectLength ? who[..AuditEntry.SubjectLength] : who
        : null;

    public AuditPage Log { get; private set; } = new([], null, null);

    /// <summary>Whether this is a later page than the newest (or past the end): "Newest" leads back.</summary>
    public bool IsLaterPage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var (older, newer) = (AuditCursor.Parse(Older), AuditCursor.Parse(Newer));
        Log = await AuditLog.PageAsync(db, new AuditFilter(Showing, Who), older, newer, ct);
        IsLaterPage = Log.Newer is not null || (Log.Entries.Count == 0 && (older ?? newer) is not null);
    }

    /// <summary>This list's address, with a cursor (older or newer) or none.</summary>
    public string PageUrl(AuditCursor? older = null, AuditCursor? newer = null)
    {
        var query = new Dictionary<string, string?>
        {
            ["action"] = Showing?.ToString(), ["actor"] = Who,
            ["older"] = older?.ToString(), ["newer"] = newer?.ToString(),
        };
        return QueryHelpers.AddQueryString("/console/admin/audit", query.Where(q => q.Value is not null)!);
    }

    /// <summary>What it was done to, worded.</summary>
    public string SubjectOf(AuditEntry entry) => entry.Action == AuditAction.InvoiceRun
        ? entry.Subject == "1" ? Text["1 order"] : Text["{0} orders", entry.Subject]
        : entry.Subject;

    /// <summary>The entry's values, worded per action.</summary>
    public string DetailsOf(AuditEntry entry) => (entry.Action, entry.Details) switch
    {
        (_, null) => "",
        (AuditAction.PersonInvited, var role) => Text[role],
        (AuditAction.WebhookDisabled or AuditAction.WebhookDeleted, "0") => Text["No waiting deliveries"],
        (AuditAction.WebhookDisabled or AuditAction.WebhookDeleted, "1") => Text["1 waiting delivery failed"],
        (AuditAction.WebhookDisabled or AuditAction.WebhookDeleted, var count) =>
            Text["{0} waiting deliveries failed", count],
        (AuditAction.InvoiceRun, var numbers) => Text["Invoice numbers {0}", numbers],
        (_, var details) => details,
    };

    /// <summary>What a person calls each action; literal keys, so the check for Dutch finds them.</summary>
    public string NameOf(AuditAction action) => action switch
    {
        AuditAction.ClientCreated => Text["API client created"],
        AuditAction.ClientRevoked => Text["API client revoked"],
        AuditAction.PersonInvited => Text["Person invited"],
        AuditAction.PersonDisabled => Text["Person disabled"],
        AuditAction.WebhookDisabled => Text["Webhook disabled"],
        AuditAction.WebhookDeleted => Text["Webhook subscription deleted"],
        _ => Text["Invoice run"],
    };
}
