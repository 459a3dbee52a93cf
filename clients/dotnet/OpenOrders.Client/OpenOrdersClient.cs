using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using OpenOrders.Client.Generated;

namespace OpenOrders.Client;

/// <summary>
/// Makes a ready client: <c>OpenOrdersClient.Create(new Uri("https://orders.example"), id, secret)</c> gives the
/// generated <see cref="OpenOrdersApiClient"/> (<c>client.Api.V1.Orders…</c>) with a token handler and If-Match from
/// the last read ETag in its pipeline.
/// </summary>
public static class OpenOrdersClient
{
    /// <param name="baseUrl">The service's address, such as https://orders.example (no path).</param>
    /// <param name="clientId">An API client's id (POST /api/v1/clients, or the demo world's).</param>
    /// <param name="clientSecret">Its secret.</param>
    /// <param name="transport">The innermost handler; a test passes its in-memory server's.</param>
    /// <param name="etags">Pass one to read the ETags the client remembered.</param>
    public static OpenOrdersApiClient Create(Uri baseUrl, string clientId, string clientSecret,
        HttpMessageHandler? transport = null, LastReadETags? etags = null)
    {
        var root = baseUrl.ToString().TrimEnd('/');
        var handlers = KiotaClientFactory.CreateDefaultHandlers();
        handlers.Add(new ClientCredentialsHandler(new Uri($"{root}/oauth/token"), clientId, clientSecret));
        handlers.Add(etags ?? new LastReadETags());
        var http = KiotaClientFactory.Create(handlers, transport ?? new HttpClientHandler());
        http.BaseAddress = new Uri(root + "/");
        var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = root,
        };
        return new OpenOrdersApiClient(adapter);
    }
}
