using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace OpenOrders.Bench;

/// <summary>One request as the receiver got it, with both signatures checked against the secrets it knows.</summary>
public sealed record ReceivedWebhook(string Id, string Timestamp, string Signature, string Body, JsonElement Json,
    bool SignatureValid, bool HashValid, DateTimeOffset ReceivedAt)
{
    public string Action => Json.GetProperty("action").GetString()!;
    public string Resource => Json.GetProperty("resource").GetString()!;
}

/// <summary>
/// A real HTTP server on a loopback port (Kestrel), standing in for an integrator's endpoint. It verifies the
/// Standard Webhooks signature and the original marketplace's hash of every request, and answers as told.
/// Used by the benchmarks, the crash test and the test suite.
/// </summary>
public sealed class Receiver : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<ReceivedWebhook> received = new();
    private readonly ConcurrentQueue<(int StatusCode, string? Body)> plannedAnswers = new();
    private readonly ConcurrentBag<string> secrets = [];

    public string Url { get; private set; } = "";
    public IReadOnlyList<ReceivedWebhook> Received => [.. received];

    public void AddSecret(string secret) => secrets.Add(secret);
    public void ForgetSecrets() => secrets.Clear();

    /// <summary>What to answer to the next requests (then 200).</summary>
    public void AnswerNext(params int[] statusCodes) => AnswerNextWith(null, statusCodes);

    /// <summary>
    /// What to answer to the next requests, with a plain-text body (what a receiver says, for the log).
    /// </summary>
    public void AnswerNextWith(string? body, params int[] statusCodes)
    {
        foreach (var code in statusCodes) plannedAnswers.Enqueue((code, body));
    }

    private Receiver(WebApplication app) => this.app = app;

    public static async Task<Receiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new Receiver(app);
        app.MapPost("/hooks", (Delegate)receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First() + "/hooks";
        return receiver;
    }

    private async Task<IResult> HandleAsync(HttpContext http)
    {
        var at = DateTimeOffset.UtcNow;
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var id = http.Request.Headers["webhook-id"].ToString();
        var timestamp = http.Request.Headers["webhook-timestamp"].ToString();
        var signature = http.Request.Headers["webhook-signature"].ToString();
        var json = JsonDocument.Parse(body).RootElement.Clone();
        received.Enqueue(new ReceivedWebhook(id, timestamp, signature, body, json,
            SignatureValid(id, timestamp, signature, body), HashValid(json), at));
        if (!plannedAnswers.TryDequeue(out var answer)) return Results.StatusCode(200);
        return answer.Body is { } text
            ? Results.Text(text, "text/plain", statusCode: answer.StatusCode)
            : Results.StatusCode(answer.StatusCode);
    }

    /// <summary>
    /// Valid when any of the space-separated signatures matches any known secret (Standard Webhooks).
    /// </summary>
    private bool SignatureValid(string id, string timestamp, string header, string body) =>
        header.Split(' ').Any(candidate => secrets.Any(secret =>
        {
            var key = secret.StartsWith("whsec_", StringComparison.Ordinal)
                ? Convert.FromBase64String(secret[6..])
                : Encoding.UTF8.GetBytes(secret);
            var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key,
                Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate),
                Encoding.UTF8.GetBytes(expected));
        }));

    /// <summary>
    /// The original marketplace's check: SHA-256 over dateNotification + action + urlReference + nonce + secret.
    /// </summary>
    private bool HashValid(JsonElement json)
    {
        var security = json.GetProperty("webhookCallbackSecurity");
        var text = json.GetProperty("dateNotification").GetString() + json.GetProperty("action").GetString()
                   + json.GetProperty("urlReference").GetString() + security.GetProperty("nonce").GetString();
        return secrets.Any(secret => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text + secret)))
            == security.GetProperty("hash").GetString());
    }

    /// <summary>Polls until the condition holds; throws when the deadline passes.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition,
        int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The receiver did not get what was expected within {seconds} s; " +
                    $"it got {Received.Count} request(s).");
            await Task.Delay(10);
        }
        return Received;
    }

    public async ValueTask DisposeAsync() => await app.DisposeAsync();
}
