using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Whether a client's tokens still count: a token is refused from the moment its client is revoked, not when it
/// expires. Each instance asks the database at most once per client per <see cref="CheckedFor"/>; the instance that
/// revokes forgets its answer at once, so there the next request is refused, and every other instance refuses within
/// <see cref="CheckedFor"/>. The keys are client ids from tokens whose signature held, so they cannot pile up.
/// </summary>
public sealed class LiveClients(IServiceScopeFactory scopes, TimeProvider time)
{
    public static readonly TimeSpan CheckedFor = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (bool Live, DateTimeOffset Until)> known = new();

    public async ValueTask<bool> IsLiveAsync(string clientId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (known.TryGetValue(clientId, out var answer) && answer.Until > now) return answer.Live;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        var live = await db.ApiClients.AsNoTracking()
            .AnyAsync(c => c.ClientId == clientId && c.DateRevoked == null, ct);
        known[clientId] = (live, now + CheckedFor);
        return live;
    }

    /// <summary>The client changed here: the next request asks the database.</summary>
    public void Forget(string clientId) => known.TryRemove(clientId, out _);
}
