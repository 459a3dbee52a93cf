using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace OpenOrders.Client;

/// <summary>
/// Adds a bearer token from POST /oauth/token (client credentials) to every request. The token is kept until shortly
/// before it expires and then fetched again; a 401 (a token revoked or a key rotated) fetches a new one and retries
/// the request once. Requests refused together share one new token.
/// </summary>
public sealed class ClientCredentialsHandler(Uri tokenUrl, string clientId, string clientSecret,
    TimeProvider? time = null) : DelegatingHandler
{
    /// <summary>How long before its expiry a token is renewed, so that none expires on the way.</summary>
    public static readonly TimeSpan RenewBefore = TimeSpan.FromMinutes(1);

    private readonly TimeProvider clock = time ?? TimeProvider.System;
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset ExpiresAt)? current;

    /// <summary>How many tokens this handler fetched: a cached token is not fetched again.</summary>
    public int TokensFetched { get; private set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        // buffered, so that the body can be sent again after a 401
        if (request.Content is not null) await request.Content.LoadIntoBufferAsync(ct);
        var token = await TokenAsync(refused: null, ct);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, ct);
        if (response.StatusCode != HttpStatusCode.Unauthorized) return response;
        response.Dispose();
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(refused: token, ct));
        return await base.SendAsync(request, ct);
    }

    /// <summary>
    /// The token to send: the kept one while it is good and is not the <paramref name="refused"/> one, else a new
    /// one. A request refused after another already replaced its token takes the replacement.
    /// </summary>
    private async Task<string> TokenAsync(string? refused, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (current is { } kept && kept.Token != refused && clock.GetUtcNow() < kept.ExpiresAt - RenewBefore)
                return kept.Token;
            using var request = new HttpRequestMessage(HttpMethod.Post, tokenUrl)
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = clientSecret,
                }),
            };
            using var response = await base.SendAsync(request, ct);
            var text = await response.Content.ReadAsStringAsync(ct);
            if (!response.IsSuccessStatusCode)
                throw new HttpRequestException(
                    $"POST {tokenUrl} answered {(int)response.StatusCode}: {text}", null, response.StatusCode);
            using var json = JsonDocument.Parse(text);
            var token = json.RootElement.GetProperty("access_token").GetString()!;
            var seconds = json.RootElement.TryGetProperty("expires_in", out var e) ? e.GetInt32() : 3600;
            current = (token, clock.GetUtcNow().AddSeconds(seconds));
            TokensFetched++;
            return token;
        }
        finally
        {
            gate.Release();
        }
    }
}
