using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenOrders.Api.Auth;

/// <summary>Issues the one-hour bearer tokens that carry a client's role and tenant.</summary>
/// <remarks>
/// Token lifetimes are wall-clock security, not business time: they use the system clock even when the
/// business clock (<see cref="TimeProvider"/>) is moved by tests, because the bearer handler checks them against it.
/// </remarks>
public sealed class TokenIssuer(SigningKey signingKey)
{
    private readonly JsonWebTokenHandler handler = new();

    public string Issue(ApiClient client)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new List<Claim>
        {
            new(JwtRegisteredClaimNames.Sub, client.ClientId),
            new(Claims.ClientId, client.ClientId),
            new(Claims.Role, client.Role.ToString().ToLowerInvariant()),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (client.TenantId is { } tenant) claims.Add(new(Claims.Tenant, tenant.ToString()));

        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.Issuer,
            Audience = AuthOptions.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = now.Add(AuthOptions.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(signingKey.Key, SecurityAlgorithms.HmacSha256),
        });
    }
}
