using OpenOrders.Domain.Orders;
using OpenOrders.Api.Audit;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

/// <summary>A client just made, and its secret: the only moment the secret exists outside its hash.</summary>
public sealed record NewClient(ApiClient Client, string Secret);

/// <summary>
/// Creating, listing and revoking API clients: <c>/api/v1/clients</c> and the console's admin page both come here,
/// so the checks (a name, the tenancy rule) and the one-time secret are written once.
/// </summary>
public sealed class Clients(OrdersDbContext db, TimeProvider time, LiveClients live)
{
    /// <summary>The new client, or null with <paramref name="errors"/> saying why.</summary>
    public async Task<NewClient?> CreateAsync(
        string? name, Role? role, Guid? tenantId, RequestErrors errors, CancellationToken ct, Actor? by = null)
    {
        errors.Required(name, "name");
        await Tenancy.CheckAsync(db, role, tenantId, errors, ct);
        if (errors.Any) return null;

        var secret = SecretHasher.NewSecret();
        var client = new ApiClient
        {
            ClientId = "client_" + Guid.NewGuid().ToString("N")[..20],
            Name = name!.Trim(),
            Role = role!.Value,
            TenantId = tenantId,
            SecretHash = SecretHasher.Hash(secret),
            DateCreated = time.GetUtcNow(),
        };
        db.ApiClients.Add(client);
        db.Record(by, AuditAction.ClientCreated, client.ClientId, client.DateCreated, client.Name);
        await db.SaveChangesAsync(ct);
        return new NewClient(client, secret);
    }

    public Task<List<ApiClient>> ListAsync(CancellationToken ct) =>
        db.ApiClients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync(ct);

    /// <summary>
    /// From now on the client gets no new tokens and its tokens are refused; a second revoke keeps the first date.
    /// </summary>
    /// <returns>The client, or null when there is none with this id.</returns>
    public async Task<ApiClient?> RevokeAsync(string clientId, CancellationToken ct, Actor? by = null)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null) return null;
        if (client.DateRevoked is null)
        {
            client.DateRevoked = time.GetUtcNow();
            db.Record(by, AuditAction.ClientRevoked, client.ClientId, client.DateRevoked.Value, client.Name);
        }
        await db.SaveChangesAsync(ct);
        live.Forget(clientId);
        return client;
    }
}
