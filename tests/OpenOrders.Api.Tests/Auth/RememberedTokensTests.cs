using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenOrders.Api.Auth;

namespace OpenOrders.Api.Tests.Auth;

/// <summary>
/// A valid token is checked once and then remembered; anything invalid is checked in full every time.
/// </summary>
public sealed class RememberedTokensTests
{
    private static readonly SymmetricSecurityKey Key =
        new(Convert.FromBase64String(Infrastructure.OrdersApp.SigningKey));
    private static readonly SymmetricSecurityKey OtherKey = new(new byte[64]);

    private static readonly TokenValidationParameters Parameters = new()
    {
        ValidIssuer = "test", ValidAudience = "orders", IssuerSigningKey = Key, ClockSkew = TimeSpan.Zero,
    };

    private static string Token(SecurityKey key, DateTime expires) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "test", Audience = "orders", Subject = new ClaimsIdentity([new Claim("role", "Account")]),
            NotBefore = expires.AddHours(-2), IssuedAt = expires.AddHours(-2), Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });

    [Fact]
    public async Task A_valid_token_is_validated_once_and_then_remembered()
    {
        var handler = new RememberedTokens(TimeProvider.System);
        var token = Token(Key, DateTime.UtcNow.AddHours(1));

        var first = await handler.ValidateTokenAsync(token, Parameters);
        var second = await handler.ValidateTokenAsync(token, Parameters);

        Assert.True(first.IsValid && second.IsValid);
        Assert.Same(first.SecurityToken, second.SecurityToken); // remembered: not read and checked again
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity); // but each request has an identity of its own
        Assert.Equal("Account", second.ClaimsIdentity.FindFirst("role")?.Value);
        second.ClaimsIdentity.AddClaim(new Claim("added", "by one request"));
        Assert.Null((await handler.ValidateTokenAsync(token, Parameters)).ClaimsIdentity.FindFirst("added"));
    }

    [Fact]
    public async Task Forged_and_expired_tokens_are_refused_every_time()
    {
        var handler = new RememberedTokens(TimeProvider.System);
        var forged = Token(OtherKey, DateTime.UtcNow.AddHours(1));
        var expired = Token(Key, DateTime.UtcNow.AddMinutes(-1));

        foreach (var token in new[] { forged, expired, forged, expired })
            Assert.False((await handler.ValidateTokenAsync(token, Parameters)).IsValid);
    }
}
