using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The inbox's count per status, kept for a few seconds per tenant and filter. Counting a large provider's orders
/// costs real database time even from the index alone (decision record 0006); a team of planners refreshing their
/// inbox shares one count. A move made in the console forgets its tenants' counts at once; a move over the API shows within
/// <see cref="KeptFor"/>. The rows themselves are never cached. The filters' choices (employers, courses) are kept
/// <see cref="ChoicesKeptFor"/>.
/// </summary>
public sealed class InboxCounts
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan ChoicesKeptFor = TimeSpan.FromMinutes(1);

    private readonly MemoryCache counts = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly ConcurrentDictionary<Guid, int> generations = new();

    public async Task<IReadOnlyDictionary<OrderStatus, int>> GetAsync(
        Caller caller, OrderSelection selection, Func<Task<IReadOnlyDictionary<OrderStatus, int>>> count)
    {
        var tenant = caller.TenantId ?? Guid.Empty;
        // Everything that selects, except the statuses (counted per status) and the sort (counts do not change).
        var key = (caller.Role, tenant, generations.GetValueOrDefault(tenant), selection.Search,
            selection.CreatedFrom, selection.CreatedBefore, selection.StartsFrom, selection.StartsBefore,
            selection.AccountId, selection.ProductId, selection.NumberPrefix);
        if (counts.TryGetValue(key, out IReadOnlyDictionary<OrderStatus, int>? known)) return known!;
        var fresh = await count();
        counts.Set(key, fresh, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        return fresh;
    }

    public async Task<InboxChoices> GetChoicesAsync(Caller caller, Func<Task<InboxChoices>> read)
    {
        var key = ("choices", caller.Role, caller.TenantId ?? Guid.Empty);
        if (counts.TryGetValue(key, out InboxChoices? known)) return known!;
        var fresh = await read();
        counts.Set(key, fresh,
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = ChoicesKeptFor });
        return fresh;
    }

    /// <summary>After a move in the console: the order's provider, its account and the admins count again.</summary>
    public void Forget(Order order)
    {
        foreach (var tenant in new[] { order.ProviderId ?? Guid.Empty, order.AccountId, Guid.Empty })
            generations.AddOrUpdate(tenant, 1, (_, g) => g + 1);
    }
}
