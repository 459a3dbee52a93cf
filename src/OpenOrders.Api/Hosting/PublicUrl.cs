namespace OpenOrders.Api.Hosting;

/// <summary>
/// The service's address as its users reach it, behind any proxy. Every absolute link the service writes (resource
/// urls, webhook references, mail and invitation links) starts with it, never with a request's <c>Host</c> header,
/// which the caller chooses. In Production it is also the only host the service answers to, unless
/// <c>AllowedHosts</c> says otherwise.
/// </summary>
public sealed record PublicUrl(string BaseUrl)
{
    public static PublicUrl From(IConfiguration config) =>
        new((config["PublicBaseUrl"] ?? config["Webhooks:PublicBaseUrl"] ?? "http://localhost:5080").TrimEnd('/'));

    /// <summary>The host part, for Message-IDs and the allowed hosts.</summary>
    public string Domain =>
        Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.IdnHost : "openorders.localhost";
}
