using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>A thin client of the service, as an integrator would write it.</summary>
public sealed class Api(string baseUrl)
{
    public string BaseUrl { get; } = baseUrl.TrimEnd('/');
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5)
    })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };

    public async Task<string> TokenAsync(string clientId, string secret)
    {
        using var response = await Http.PostAsync($"{BaseUrl}/oauth/token",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = secret,
            }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }

    public async Task<(int Status, JsonElement Body, string? ETag)> SendAsync(HttpMethod method, string path,
        string token, object? body = null, string? ifMatch = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        if (body is not null)
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8,
                contentType);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length > 0 && text.TrimStart().StartsWith('{') || text.TrimStart().StartsWith('[')
            ? JsonDocument.Parse(text).RootElement.Clone()
            : default;
        return ((int)response.StatusCode, json, response.Headers.ETag?.Tag);
    }

    public async Task<JsonElement> CreateAsync(string path, string token, object body)
    {
        var (status, json, _) = await SendAsync(HttpMethod.Post, path, token, body);
        if (status != 201) throw new InvalidOperationException($"POST {path} answered {status}: {json}");
        return json;
    }

    public async Task<JsonElement> GetJsonAsync(string path, string token)
    {
        var (status, json, _) = await SendAsync(HttpMethod.Get, path, token);
        if (status != 200) throw new InvalidOperationException($"GET {path} answered {status}: {json}");
        return json;
    }

    public async Task<bool> ReadyAsync()
    {
        try { return (await Http.GetAsync($"{BaseUrl}/health/ready")).IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }

    /// <summary>Outside Development /metrics answers this token only; the bench's services are given it.</summary>
    public const string MetricsToken = "bench-metrics-token-0123456789";

    public async Task<string> MetricsAsync()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{BaseUrl}/metrics");
        request.Headers.Authorization = new("Bearer", MetricsToken);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsStringAsync();
    }
}
