using System.Net.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;

namespace OpenOrders.Api.People;

/// <summary>A new person, and the one-time link that lets them set a password (the service sends no e-mail).</summary>
public sealed record Invitation(Person Person, string Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Inviting, re-inviting and disabling people: the console's admin pages and <c>/api/v1/people</c> both come here.
/// A link is Identity's password-reset token; setting the password changes the security stamp, so a link works once.
/// </summary>
public sealed class Invitations(UserManager<Person> people, OrdersDbContext db, TimeProvider time)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    public async Task<Invitation> InviteAsync(
        string? email, Role? role, Guid? tenantId, Caller by, string baseUrl, RequestErrors errors,
        CancellationToken ct)
    {
        email = email?.Trim();
        if (errors.Required(email, "email", 254) && !IsEmail(email)) errors.Add("email", "Not an e-mail address.");
        await Tenancy.CheckAsync(db, role, tenantId, errors, ct);
        if (email is not null && !errors.Any && await people.FindByEmailAsync(email) is not null)
            errors.Add("email", "Someone with this e-mail address has been invited already.");
        if (errors.Any) return null!;

        var person = new Person
        {
            Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, Role = role!.Value,
            TenantId = tenantId, DateInvited = time.GetUtcNow(), InvitedBy = by.Id,
        };
        Check(await people.CreateAsync(person), errors);
        return errors.Any ? null! : await InvitationOfAsync(person, baseUrl);
    }

    /// <summary>A fresh link for someone who lost theirs; earlier links stop working.</summary>
    public async Task<Invitation?> ReinviteAsync(Guid id, string baseUrl)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null || person.DateDisabled is not null) return null;
        await people.UpdateSecurityStampAsync(person);
        return await InvitationOfAsync(person, baseUrl);
    }

    /// <summary>Disabled for good: no sign-in, and the changed stamp ends every session at its next request.</summary>
    public async Task<Person?> DisableAsync(Guid id)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null) return null;
        if (person.DateDisabled is null)
        {
            person.DateDisabled = time.GetUtcNow();
            await people.UpdateSecurityStampAsync(person); // also saves DateDisabled
        }
        return person;
    }

    /// <summary>Sets the password from an invitation link; false when the link is not (or no longer) valid.</summary>
    public async Task<IdentityResult> SetPasswordAsync(Guid id, string token, string password)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null || person.DateDisabled is not null)
            return IdentityResult.Failed(people.ErrorDescriber.InvalidToken());
        return await people.ResetPasswordAsync(person, token, password);
    }

    public Task<List<Person>> ListAsync(CancellationToken ct) =>
        db.People.AsNoTracking().OrderBy(p => p.Email).ToListAsync(ct);

    private async Task<Invitation> InvitationOfAsync(Person person, string baseUrl)
    {
        var token = await people.GeneratePasswordResetTokenAsync(person);
        var link = $"{baseUrl}/console/set-password?person={person.Id}&token={Uri.EscapeDataString(token)}";
        return new Invitation(person, link, time.GetUtcNow() + LinkLifetime);
    }

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email
        && email.Contains('.', StringComparison.Ordinal);

    private static void Check(IdentityResult result, RequestErrors errors)
    {
        foreach (var error in result.Errors)
            errors.Add(error.Code.Contains("Email") ? "email" : "person", error.Description);
    }
}
