using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Audit;

/// <summary>What an admin did that the audit log keeps.</summary>
public enum AuditAction
{
    ClientCreated,
    ClientRevoked,
    PersonInvited,
    PersonDisabled,
    WebhookDisabled,
    WebhookDeleted,
    InvoiceRun,
}

/// <summary>
/// One line of the audit log: who did what to which thing, when. Written in the same commit as the change it records,
/// by the one service behind both the API and the console, so neither can leave it out.
/// </summary>
public sealed class AuditEntry
{
    public const int SubjectLength = 320;
    public const int DetailsLength = 1000;

    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public ActorKind ActorKind { get; set; }

    /// <summary>The client id or the person's e-mail address; "the service" when no one asked.</summary>
    public required string ActorId { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>What it was done to: a client id, an e-mail address, a callback URL, a count of orders.</summary>
    public required string Subject { get; set; }

    /// <summary>
    /// Values, not sentences, so each reader words them in its own language: a client's name, a role, the count of
    /// deliveries failed, the first and last invoice number.
    /// </summary>
    public string? Details { get; set; }
}
