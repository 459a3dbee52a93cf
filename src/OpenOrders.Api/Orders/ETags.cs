using Microsoft.Net.Http.Headers;

namespace OpenOrders.Api.Orders;

/// <summary>An order's version as a strong ETag, and the conditional-request checks built on it.</summary>
public static class ETags
{
    public static string For(int version) => $"\"{version}\"";

    public static void Set(HttpResponse response, int version) => response.Headers.ETag = For(version);

    /// <summary>True when If-None-Match names the current version (answer 304).</summary>
    public static bool NotModified(HttpRequest request, int version) =>
        EntityTagHeaderValue.TryParseList(request.Headers.IfNoneMatch, out var tags) &&
        tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag == For(version));

    /// <summary>False when If-Match is present and names another version (answer 412).</summary>
    public static bool MatchesIfPresent(HttpRequest request, int version) =>
        string.IsNullOrEmpty(request.Headers.IfMatch) ||
        (EntityTagHeaderValue.TryParseList(request.Headers.IfMatch, out var tags) &&
         tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || (!t.IsWeak && t.Tag == For(version))));
}
