using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace OpenOrders.Api.Orders;

/// <summary>
/// The serialized body of an order, per version: reads are far more frequent than writes, and every write bumps the
/// version, so an entry can never be stale. A read then costs one small indexed query (tenancy and version).
/// At most 5 000 bodies (~20 MB) are kept: the hot set, not the whole table.
/// </summary>
public sealed class OrderReadCache(IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = 5_000 });

    public byte[]? Find(Guid id, int version, string baseUrl) =>
        cache.TryGetValue((id, version, baseUrl), out byte[]? body) ? body : null;

    public byte[] Store(OrderResponse order, string baseUrl)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(order, json.Value.SerializerOptions);
        cache.Set((order.Id, order.Version, baseUrl), body,
            new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromMinutes(10) });
        return body;
    }
}
