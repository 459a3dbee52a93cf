namespace OpenOrders.Api.Auth;

/// <summary>The <c>Auth</c> configuration section.</summary>
public sealed class AuthOptions
{
    public const string Issuer = "openorders";
    public const string Audience = "openorders-api";
    public static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// Base64 HMAC key (at least 32 bytes). In Development one is generated under ./data when absent.
    /// </summary>
    public string? SigningKey { get; set; }

    public BootstrapAdminOptions BootstrapAdmin { get; set; } = new();

    /// <summary>Set to trust an external OpenID Connect issuer instead of this service's own tokens.</summary>
    public string? Authority { get; set; }
    public string? ExternalAudience { get; set; }
    public string RoleClaim { get; set; } = Claims.Role;
    public string TenantClaim { get; set; } = Claims.Tenant;
}

public sealed class BootstrapAdminOptions
{
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
}

public static class Claims
{
    public const string Role = "role";
    public const string Tenant = "tenant_id";
    public const string ClientId = "client_id";
}
