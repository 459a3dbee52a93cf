using OpenOrders.Domain.Orders;
using OpenOrders.Api.Audit;
using System.Net.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Mail;
using OpenOrders.Domain;

namespace OpenOrders.Api.People;

/// <summary>A new person, and the one-time link that lets them set a password (also mailed to them).</summary>
public sealed record Invitation(Person Person, string Link, DateTimeOffset ExpiresAt);

/// <summary>
/// Inviting, re-inviting and disabling people: the console's admin pages and <c>/api/v1/people</c> both come here.
/// A link is Identity's password-reset token; setting the password changes the security stamp, so a link works once.
/// Links are built from the configured public address, never from the request's Host header. The invitation mail is
/// committed with the person (or the new stamp), so an invited person always has their mail.
/// </summary>
public sealed class Invitations(UserManager<Person> people, OrdersDbContext db, TimeProvider time, MailOutbox outbox)
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromDays(7);

    /// <summary>
    /// A "forgot password?" link lives this long (its own token provider, <see cref="ResetTokens"/>).
    /// </summary>
    public static readonly TimeSpan ResetLifetime = TimeSpan.FromHours(1);

    public async Task<Invitation> InviteAsync(
        string? email, Role? role, Guid? tenantId, Caller by, RequestErrors errors, CancellationToken ct)
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
            Language = await TenantLanguageAsync(role.Value, tenantId, ct),
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Record(by.Actor, AuditAction.PersonInvited, email!, person.DateInvited, role.ToString());
        Check(await people.CreateAsync(person), errors);
        if (errors.Any) return null!;
        var invitation = await InvitationOfAsync(person, ct);
        await transaction.CommitAsync(ct);
        return invitation;
    }

    /// <summary>A fresh link for someone who lost theirs; earlier links stop working.</summary>
    public async Task<Invitation?> ReinviteAsync(Guid id, CancellationToken ct = default)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null || person.DateDisabled is not null) return null;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await people.UpdateSecurityStampAsync(person);
        var invitation = await InvitationOfAsync(person, ct);
        await transaction.CommitAsync(ct);
        return invitation;
    }

    /// <summary>
    /// "Forgot password?": mails a one-hour, one-use link when the address belongs to a person who is not disabled.
    /// The caller answers the same either way.
    /// </summary>
    public async Task RequestPasswordResetAsync(string? email, CancellationToken ct)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254) return;
        var person = await people.FindByEmailAsync(email);
        if (person is null || person.DateDisabled is not null) return;
        var token = await people.GenerateUserTokenAsync(person, ResetTokens.Name,
            UserManager<Person>.ResetPasswordTokenPurpose);
        var link = $"{outbox.BaseUrl}/console/set-password?person={person.Id}" +
            $"&token={Uri.EscapeDataString(token)}&reset=1";
        var text = outbox.TextIn(person.Language);
        await outbox.AddAsync(db, MailKind.PasswordReset, person.Email!, null, text,
            MailTemplates.PasswordReset(text, person.Email!, link, ResetLifetime), "Forgot password",
            personId: person.Id);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Disabled for good: no sign-in, and the changed stamp ends every session at its next request.</summary>
    public async Task<Person?> DisableAsync(Guid id, Actor? by = null)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null) return null;
        if (person.DateDisabled is null)
        {
            person.DateDisabled = time.GetUtcNow();
            db.Record(by, AuditAction.PersonDisabled, person.Email!, person.DateDisabled.Value);
            await people.UpdateSecurityStampAsync(person); // also saves DateDisabled
        }
        return person;
    }

    /// <summary>
    /// Sets the password from an invitation or reset link; fails with InvalidToken when the link is not (or no
    /// longer) valid.
    /// </summary>
    public async Task<IdentityResult> SetPasswordAsync(Guid id, string token, string password, bool reset = false)
    {
        var person = await people.FindByIdAsync(id.ToString());
        if (person is null || person.DateDisabled is not null)
            return IdentityResult.Failed(people.ErrorDescriber.InvalidToken());
        if (reset)
        {
            // A reset link has its own short-lived token; once it checks out, the usual reset sets the password.
            if (!await people.VerifyUserTokenAsync(person, ResetTokens.Name,
                    UserManager<Person>.ResetPasswordTokenPurpose, token))
                return IdentityResult.Failed(people.ErrorDescriber.InvalidToken());
            token = await people.GeneratePasswordResetTokenAsync(person);
        }
        return await people.ResetPasswordAsync(person, token, password);
    }

    public Task<List<Person>> ListAsync(CancellationToken ct) =>
        db.People.AsNoTracking().OrderBy(p => p.Email).ToListAsync(ct);

    private async Task<Invitation> InvitationOfAsync(Person person, CancellationToken ct)
    {
        var token = await people.GeneratePasswordResetTokenAsync(person);
        var link = $"{outbox.BaseUrl}/console/set-password?person={person.Id}&token={Uri.EscapeDataString(token)}";
        var invitation = new Invitation(person, link, time.GetUtcNow() + LinkLifetime);
        var text = outbox.TextIn(person.Language);
        await outbox.AddAsync(db, MailKind.Invitation, person.Email!, null, text,
            MailTemplates.Invitation(text, await InvitedAsAsync(text, person, ct), link, invitation.ExpiresAt),
            $"Invitation of {person.Email}", personId: person.Id);
        await db.SaveChangesAsync(ct);
        return invitation;
    }

    private async Task<string> InvitedAsAsync(MailText text, Person person, CancellationToken ct) =>
        person.Role switch
        {
            Role.Admin => text["an administrator of the marketplace"],
            Role.Provider => text["a member of the provider {0}", await db.Providers.Where(p => p.Id == person.TenantId)
                .Select(p => p.Name).SingleOrDefaultAsync(ct) ?? "?"],
            _ => text["a member of the employer {0}", await db.Accounts.Where(a => a.Id == person.TenantId)
                .Select(a => a.Name).SingleOrDefaultAsync(ct) ?? "?"],
        };

    private async Task<string> TenantLanguageAsync(Role role, Guid? tenantId, CancellationToken ct) =>
        role switch
        {
            Role.Provider => await db.Providers.Where(p => p.Id == tenantId).Select(p => p.Language)
                .SingleOrDefaultAsync(ct),
            Role.Account => await db.Accounts.Where(a => a.Id == tenantId).Select(a => a.Language)
                .SingleOrDefaultAsync(ct),
            _ => null,
        } ?? Domain.Notifications.MailLanguage.Dutch;

    private static bool IsEmail(string email) =>
        MailAddress.TryCreate(email, out var address) && address.Address == email
        && email.Contains('.', StringComparison.Ordinal);

    private static void Check(IdentityResult result, RequestErrors errors)
    {
        foreach (var error in result.Errors)
            errors.Add(error.Code.Contains("Email") ? "email" : "person", error.Description);
    }
}

/// <summary>The "forgot password?" links' own tokens: one hour, where invitation links last a week.</summary>
public sealed class ResetTokens(IDataProtectionProvider protection, IOptions<ResetTokenOptions> options,
    ILogger<DataProtectorTokenProvider<Person>> log) : DataProtectorTokenProvider<Person>(protection, options, log)
{
    public new const string Name = "reset";
}

public sealed class ResetTokenOptions : DataProtectionTokenProviderOptions
{
    public ResetTokenOptions()
    {
        Name = ResetTokens.Name;
        TokenLifespan = Invitations.ResetLifetime;
    }
}
