using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Validates a bearer token once and remembers the outcome until the token expires. An integrator sends the same
/// token with every call for its hour, and reading, checking and turning it into claims is a noticeable share of a
/// GET's CPU (decision record 0005).
/// Only valid tokens are remembered, never past their own expiry (by the service's clock); failures are checked in
/// full every time. Each request gets an identity of its own: nothing one request adds can reach another.
/// </summary>
public sealed class RememberedTokens(TimeProvider time) : JsonWebTokenHandler
{
    private readonly MemoryCache valid = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token,
        TokenValidationParameters validationParameters)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (valid.TryGetValue(token, out TokenValidationResult? known) && known!.SecurityToken.ValidTo > now)
            return new TokenValidationResult
            {
                IsValid = true, SecurityToken = known.SecurityToken, ClaimsIdentity = known.ClaimsIdentity.Clone(),
                Issuer = known.Issuer, TokenType = known.TokenType,
            };

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > now)
            valid.Set(token, result,
                new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = result.SecurityToken.ValidTo });
        return result;
    }
}
