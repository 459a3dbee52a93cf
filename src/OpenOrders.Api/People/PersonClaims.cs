using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.People;

/// <summary>
/// The cookie carries the person's role and tenant under the same claim names as an API client's token.
/// </summary>
public sealed class PersonClaims(UserManager<Person> people, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Person>(people, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Person person)
    {
        var identity = await base.GenerateClaimsAsync(person);
        identity.AddClaim(new Claim(Claims.Role, person.Role.ToString()));
        if (person.TenantId is { } tenant) identity.AddClaim(new Claim(Claims.Tenant, tenant.ToString()));
        return identity;
    }

    /// <summary>
    /// The caller a signed-in person acts as: the same rules as an API client of that role and tenant.
    /// </summary>
    public static Caller? CallerOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!Enum.TryParse<Role>(user.FindFirst(Claims.Role)?.Value, out var role) || role == Role.System) return null;
        Guid? tenant = Guid.TryParse(user.FindFirst(Claims.Tenant)?.Value, out var t) ? t : null;
        if (role != Role.Admin && tenant is null) return null;
        var email = user.FindFirst(ClaimTypes.Email)?.Value ?? user.FindFirst(ClaimTypes.Name)?.Value;
        return email is null ? null : new Caller(email, role, tenant, ActorKind.Person);
    }
}
