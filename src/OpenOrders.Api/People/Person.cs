using Microsoft.AspNetCore.Identity;
using OpenOrders.Domain;

namespace OpenOrders.Api.People;

/// <summary>
/// Someone who signs in to the console with e-mail and password (ASP.NET Core Identity). Like an API client a person
/// has one role and, for accounts and providers, one tenant, and sees exactly what such a client sees.
/// </summary>
public sealed class Person : IdentityUser<Guid>
{
    public Role Role { get; set; }

    /// <summary>The account's or provider's id; none for admins.</summary>
    public Guid? TenantId { get; set; }

    public DateTimeOffset DateInvited { get; set; }

    /// <summary>Who sent the invitation: an API client id or a person's e-mail.</summary>
    public string? InvitedBy { get; set; }

    /// <summary>
    /// Set when an admin disables the person: they can no longer sign in and are signed out at their next request.
    /// </summary>
    public DateTimeOffset? DateDisabled { get; set; }

    public bool HasSetPassword => PasswordHash is not null;

    /// <summary>The person's console language (<c>nl</c> or <c>en</c>): their mails are written in it too.</summary>
    public string Language { get; set; } = Domain.Notifications.MailLanguage.Dutch;

    /// <summary>
    /// Mail about orders waiting for this person's tenant (a provider's <c>PendingProvider</c>, an account's
    /// <c>PendingAccount</c>).
    /// </summary>
    public MailFrequency WaitingOrdersMail { get; set; } = MailFrequency.Daily;

    /// <summary>Mail when a webhook subscription of the tenant (all, for an admin) fails or is disabled.</summary>
    public bool WebhookProblemsMail { get; set; } = true;

    /// <summary>
    /// Active: has set a password and is not disabled. Only active people get mail besides their invitation.
    /// </summary>
    public bool IsActive => HasSetPassword && DateDisabled is null;
}

public enum MailFrequency
{
    Never,
    /// <summary>A mail for every order that starts waiting.</summary>
    AtOnce,
    /// <summary>One mail a day, in the morning, when orders wait.</summary>
    Daily,
}
