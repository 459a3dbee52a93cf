using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace OpenOrders.Client;

/// <summary>
/// Remembers the ETag of each order as last read (any answer about the order carries it) and sends it as If-Match
/// with a change of that order that names none: a change made meanwhile by someone else then answers 412 instead of
/// being overwritten. A request that sets If-Match itself keeps its own.
/// </summary>
public sealed partial class LastReadETags : DelegatingHandler
{
    private readonly ConcurrentDictionary<Guid, string> tags = new();

    /// <summary>The ETag of an order as last read, if it was read through this client.</summary>
    public string? For(Guid orderId) => tags.GetValueOrDefault(orderId);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var order = OrderOf(request.RequestUri);
        if (order is { } id && request.Method != HttpMethod.Get && request.Headers.IfMatch.Count == 0
                && tags.TryGetValue(id, out var tag))
            request.Headers.TryAddWithoutValidation("If-Match", tag);
        var response = await base.SendAsync(request, ct);
        if (order is { } read && response.Headers.ETag is { } etag) tags[read] = etag.ToString();
        return response;
    }

    private static Guid? OrderOf(Uri? url) =>
        url is not null && OrderPath().Match(url.AbsolutePath) is { Success: true } m
            ? Guid.Parse(m.Groups[1].Value)
            : null;

    [GeneratedRegex("^/api/v1/orders/([0-9a-fA-F-]{36})(/|$)")]
    private static partial Regex OrderPath();
}
