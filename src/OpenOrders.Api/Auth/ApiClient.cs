using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

/// <summary>
/// An OAuth client: one role, and for accounts and providers one tenant. The secret is kept only as a hash.
/// </summary>
public sealed class ApiClient
{
    public required string ClientId { get; init; }
    public required string Name { get; set; }
    public Role Role { get; init; }

    /// <summary>The account's or provider's id; none for admins.</summary>
    public Guid? TenantId { get; init; }
    public required string SecretHash { get; set; }
    public DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? DateRevoked { get; set; }
}
