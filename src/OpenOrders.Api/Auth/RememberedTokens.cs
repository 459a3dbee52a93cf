using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Validates a bearer token once and remembers the outcome until the token expires. An integrator sends the same
/// token with every call for its hour, and reading, checking and turning it into claims was 8 % of a GET's CPU.
/// Only valid tokens are remembered, never past their own expiry; failures are checked in full every time.
/// </summary>
public sealed class RememberedTokens : JsonWebTokenHandler
{
    private readonly MemoryCache valid = new(new MemoryCacheOptions { SizeLimit = 10_000 });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        if (valid.TryGetValue(token, out TokenValidationResult? known) && known!.SecurityToken.ValidTo > DateTime.UtcNow) return known;

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo > DateTime.UtcNow)
        {
            _ = result.ClaimsIdentity.Claims.Count(); // materialised once, then only read by the requests that share it
            valid.Set(token, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = result.SecurityToken.ValidTo });
        }
        return result;
    }
}
