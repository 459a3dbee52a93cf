using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Audit;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.WebConsole;

/// <summary>The audit log: admin actions (clients, people, webhooks, invoice runs), who did them and when.</summary>
public sealed class AdminAuditModel(OrdersDbContext db) : ConsolePage
{
    /// <summary>One action by name, or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Action { get; set; }

    public AuditAction? Showing => Enum.TryParse<AuditAction>(Action, out var a) && Enum.IsDefined(a) ? a : null;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Entries = await AuditLog.NewestAsync(db, Showing, ct);

    /// <summary>What it was done to, worded.</summary>
    public string SubjectOf(AuditEntry entry) => entry.Action == AuditAction.InvoiceRun
        ? entry.Subject == "1" ? Text["1 order"] : Text["{0} orders", entry.Subject]
        : entry.Subject;

    /// <summary>The entry's values, worded per action.</summary>
    public string DetailsOf(AuditEntry entry) => (entry.Action, entry.Details) switch
    {
        (_, null) => "",
        (AuditAction.PersonInvited, var role) => Text[role],
        (AuditAction.WebhookDisabled, "0") => Text["No waiting deliveries"],
        (AuditAction.WebhookDisabled, "1") => Text["1 waiting delivery failed"],
        (AuditAction.WebhookDisabled, var count) => Text["{0} waiting deliveries failed", count],
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
        _ => Text["Invoice run"],
    };
}
