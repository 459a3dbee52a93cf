using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Orders;

/// <summary>Which provider owns a course. A course never changes provider, so the answer is kept once found.</summary>
public sealed class CourseOwners
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, Guid> owners = new();

    public async Task<Guid?> ProviderOfAsync(OrdersDbContext db, Guid courseId, CancellationToken ct)
    {
        if (owners.TryGetValue(courseId, out var known)) return known;
        var provider = await db.Products.Where(p => p.Id == courseId).Select(p => (Guid?)p.ProviderId)
            .SingleOrDefaultAsync(ct);
        if (provider is { } found) owners[courseId] = found;
        return provider;
    }
}
