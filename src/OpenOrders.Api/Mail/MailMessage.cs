namespace OpenOrders.Api.Mail;

public enum MailStatus
{
    /// <summary>Not sent yet: due, retrying after a transient failure, or waiting for an SMTP server.</summary>
    Waiting,
    Sent,
    /// <summary>The server refused it for good (5xx), or the retries ran out: an admin may resend it.</summary>
    Failed,
}

/// <summary>Why a mail was written; each kind has one template.</summary>
public enum MailKind
{
    StudentAccepted,
    StudentStartMomentChanged,
    StudentOrderEnded,
    AccountApprovalWaiting,
    ProviderOrderWaiting,
    WaitingOrdersDigest,
    Invitation,
    PasswordReset,
    WebhookFailing,
    WebhookDisabled,
}

/// <summary>
/// One mail in the outbox, rendered when it is written (so a resend after a crash is the very same message, with
/// the same Message-ID) and written in the transaction of the change that causes it. A worker leases due rows and
/// sends them; a row is never deleted before it was sent or given up.
/// </summary>
public sealed class MailMessage : Work.ILeasable
{
    /// <summary>
    /// Set by the store at insert: the order mails were written in, which is the order they are sent in.
    /// </summary>
    public long Position { get; set; }
    public Guid Id { get; set; }
    public MailKind Kind { get; set; }
    public required string To { get; set; }
    public string? ToName { get; set; }

    /// <summary><c>nl</c> or <c>en</c>.</summary>
    public required string Language { get; set; }
    public required string Subject { get; set; }
    public required string Html { get; set; }
    public required string Text { get; set; }

    /// <summary>What caused it, in a line an admin reads ("Order 10000003 → AcceptedProvider").</summary>
    public required string Cause { get; set; }
    public Guid? OrderId { get; set; }
    public Guid? PersonId { get; set; }
    public Guid? SubscriptionId { get; set; }

    /// <summary>Makes a mail that more than one instance might write (a daily digest) exist once.</summary>
    public string? OnceKey { get; set; }

    public MailStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset DueAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset? DateSent { get; set; }

    /// <summary>The server's last answer, or why there was none.</summary>
    public string? LastError { get; set; }

    /// <summary>The RFC 5322 Message-ID: stable, so a message sent twice after a crash is recognisably one.</summary>
    public string MessageIdFor(string domain) => $"{Id:N}@{domain}";
}
