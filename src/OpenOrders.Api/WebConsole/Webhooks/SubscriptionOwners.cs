using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Webhooks;
using OpenOrders.Domain;

namespace OpenOrders.Api.WebConsole;

/// <summary>Whose a subscription is, by name: only an admin sees others' subscriptions, so only admins ask.</summary>
public static class SubscriptionOwners
{
    /// <summary>The account or provider name of each tenant among the subscriptions.</summary>
    public static async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(
        OrdersDbContext db, IEnumerable<WebhookSubscription> subscriptions, CancellationToken ct)
    {
        var list = subscriptions.ToList();
        var accounts = list.Where(s => s.OwnerRole == Role.Account).Select(s => s.TenantId).OfType<Guid>().ToList();
        var providers = list.Where(s => s.OwnerRole == Role.Provider).Select(s => s.TenantId).OfType<Guid>().ToList();
        var names = await db.Accounts.AsNoTracking().Where(a => accounts.Contains(a.Id))
            .Select(a => new { a.Id, a.Name }).ToListAsync(ct);
        names.AddRange(await db.Providers.AsNoTracking().Where(p => providers.Contains(p.Id))
            .Select(p => new { p.Id, p.Name }).ToListAsync(ct));
        return names.ToDictionary(n => n.Id, n => n.Name);
    }
}
