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
}
