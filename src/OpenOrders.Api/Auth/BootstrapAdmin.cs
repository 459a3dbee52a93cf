using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Creates (or keeps in step) the admin client named in configuration, so a fresh deployment can be driven through
/// the API.
/// </summary>
internal sealed class BootstrapAdmin(OrdersDbContext db, IOptions<AuthOptions> options, TimeProvider time,
    ILogger<BootstrapAdmin> log)
{
    public async Task EnsureAsync(CancellationToken ct)
    {
        var wanted = options.Value.BootstrapAdmin;
        if (string.IsNullOrWhiteSpace(wanted.ClientId) || string.IsNullOrWhiteSpace(wanted.ClientSecret)) return;

        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == wanted.ClientId, ct);
        if (client is null)
        {
            db.ApiClients.Add(new ApiClient
            {
                ClientId = wanted.ClientId,
                Name = "Bootstrap admin",
                Role = Role.Admin,
                SecretHash = SecretHasher.Hash(wanted.ClientSecret),
                DateCreated = time.GetUtcNow(),
            });
            log.LogInformation("Bootstrap admin client {ClientId} created.", wanted.ClientId);
        }
        else if (client.Role != Role.Admin)
        {
            throw new InvalidOperationException(
                $"Auth:BootstrapAdmin:ClientId '{wanted.ClientId}' belongs to a {client.Role} client.");
        }
        else if (client.DateRevoked is not null || !SecretHasher.Verify(wanted.ClientSecret, client.SecretHash))
        {
            client.SecretHash = SecretHasher.Hash(wanted.ClientSecret);
            client.DateRevoked = null;
            log.LogInformation("Bootstrap admin client {ClientId} updated from configuration.", wanted.ClientId);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (client is null)
        {
            // Another instance created it at the same moment: theirs is as good as ours.
        }
    }
}
