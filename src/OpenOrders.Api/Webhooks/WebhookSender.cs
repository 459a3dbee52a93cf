using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// How an attempt ended: the receiver's status code, or why none came. <see cref="Error"/> is the sender's sentence
/// (English, for logs and the API); <see cref="Failure"/> its kind, which the console words without reading it.
/// </summary>
public sealed record AttemptResult(
    int? StatusCode, int LatencyMs, string? Error, TimeSpan? RetryAfter, string? ResponseExcerpt = null,
    DeliveryFailure? Failure = null)
{
    /// <summary>How much of a receiver's answer the delivery log keeps: enough to see what it said.</summary>
    public const int ExcerptLength = 500;

    /// <summary>Only a 2xx counts: redirects are not followed and count as failures.</summary>
    public bool Succeeded => StatusCode is >= 200 and < 300;
}

/// <summary>The body of a delivery, in the original marketplace's shape.</summary>
public sealed record WebhookBody(
    Guid WebhookSubscriptionId, string Resource, string Action, string DateNotification, string UrlReference,
    object? EventData, IReadOnlyList<string> ModifiedFields, CallbackSecurity WebhookCallbackSecurity);

public sealed record CallbackSecurity(string Nonce, string Hash);

/// <summary>Sends one signed delivery: body with the original's hash, headers of Standard Webhooks.</summary>
public sealed class WebhookSender(IHttpClientFactory clients, TimeProvider time, IOptions<WebhookOptions> options,
    IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<WebhookSender> log)
{
    public const string ClientName = "webhooks";

    /// <summary>The client whose every request goes over a new connection.</summary>
    public const string FreshClientName = "webhooks-fresh";

    public async Task<AttemptResult> SendAsync(
        WebhookSubscription subscription, string messageId, Webhook webhook, string urlReference, object? eventData,
        IReadOnlyList<string> modifiedFields, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var dateNotification = now.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ",
            System.Globalization.CultureInfo.InvariantCulture);
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var hash = WebhookSigning.CallbackHash(dateNotification, webhook.Action, urlReference, nonce,
            subscription.Secret);
        var body = JsonSerializer.Serialize(new WebhookBody(subscription.Id, webhook.Resource, webhook.Action,
            dateNotification, urlReference, eventData, modifiedFields, new CallbackSecurity(nonce, hash)),
            json.Value.SerializerOptions);
        var timestamp = now.ToUnixTimeSeconds();
        var signature = WebhookSigning.SignatureHeader(subscription.SigningSecrets(now), messageId, timestamp, body);

        HttpRequestMessage Request()
        {
            var request = new HttpRequestMessage(HttpMethod.Post, subscription.CallbackUrl)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };
            request.Headers.Add("webhook-id", messageId);
            request.Headers.Add("webhook-timestamp",
                timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", signature);
            request.Headers.UserAgent.ParseAdd("OpenOrders-Webhooks/1.0");
            return request;
        }

        var stopwatch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(options.Value.AttemptTimeout);
        try
        {
            using var response = await SendRequestAsync(Request, subscription, messageId, timeout.Token);
            var latency = (int)stopwatch.ElapsedMilliseconds;
            return new AttemptResult((int)response.StatusCode, latency,
                response.IsSuccessStatusCode
                    ? null
                    : $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.",
                RetryAfter(response, now), await ExcerptAsync(response, timeout.Token),
                response.IsSuccessStatusCode ? null : DeliveryFailure.Answered);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new AttemptResult(null, (int)stopwatch.ElapsedMilliseconds,
                $"No answer within {options.Value.AttemptTimeout.TotalSeconds:0} s.", null,
                Failure: DeliveryFailure.NoAnswerInTime);
        }
        catch (HttpRequestException e)
        {
            return new AttemptResult(null, (int)stopwatch.ElapsedMilliseconds, Cause(e), null,
                Failure: DeliveryFailures.Of(e.HttpRequestError));
        }
    }

    /// <summary>
    /// Sends the request; when it failed on a pooled connection before any byte of the answer, because the receiver
    /// had closed that connection (an idle timeout, a close after each answer, a restart), sends it again at once on
    /// a new connection, as one attempt. Before, such a delivery failed ("Broken pipe", "Connection reset by peer",
    /// "The response ended prematurely") and its subscription was marked failing. Should a receiver have read the
    /// first request after all, it gets the same webhook-id twice, as at-least-once delivery allows.
    /// </summary>
    private async Task<HttpResponseMessage> SendRequestAsync(Func<HttpRequestMessage> request,
        WebhookSubscription subscription, string messageId, CancellationToken ct)
    {
        using var first = request();
        var use = new ConnectionUse(first);
        CallbackConnection.Current.Value = use;
        try
        {
            return await clients.CreateClient(ClientName)
                .SendAsync(first, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e) when (use.Stale)
        {
            log.LogInformation("Webhook {MessageId} to {Url}: the receiver had closed the pooled connection ({Error}); "
                + "sending it again on a new connection.", messageId, subscription.CallbackUrl, Cause(e));
            CallbackConnection.Current.Value = null; // on a new connection a failure is the receiver's
            using var again = request();
            return await clients.CreateClient(FreshClientName)
                .SendAsync(again, HttpCompletionOption.ResponseHeadersRead, ct);
        }
    }

    /// <summary>
    /// What went wrong, in the words of the innermost cause ("Connection refused (127.0.0.1:9000)", "The response ended
    /// prematurely", a TLS failure) rather than HttpClient's "An error occurred while sending the request."
    /// </summary>
    private static string Cause(HttpRequestException error)
    {
        Exception cause = error;
        while (cause.InnerException is { } inner) cause = inner;
        var kind = error.HttpRequestError == HttpRequestError.Unknown ? "" : $" ({error.HttpRequestError})";
        // An HttpIOException names its kind itself ("The response ended prematurely. (ResponseEnded)").
        var text = cause == error ? error.Message
            : cause.Message.EndsWith(kind, StringComparison.Ordinal) ? cause.Message : cause.Message + kind;
        return text.Length > 1000 ? text[..1000] : text;
    }

    /// <summary>
    /// The start of the answer's body, for the delivery log; a body that cannot be read is no failure.
    /// </summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(ct);
            var buffer = new char[AttemptResult.ExcerptLength];
            using var reader = new StreamReader(body, Encoding.UTF8);
            var read = await reader.ReadBlockAsync(buffer, ct);
            return read == 0 ? null : new string(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.RetryAfter switch
        {
            { Delta: { } delta } => delta,
            { Date: { } date } when date > now => date - now,
            _ => response.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(5) : null,
        };
}
