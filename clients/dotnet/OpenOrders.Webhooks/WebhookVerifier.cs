using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Kiota.Serialization.Json;
using OpenOrders.Client.Generated.Models;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace OpenOrders.Webhooks;

/// <summary>
/// Checks that a delivery comes from the service, by both signatures it carries, and reads it typed. Keep the
/// subscription's shared secret (shown once, when subscribing or rotating) and give it here.
/// </summary>
/// <param name="sharedSecret">A generated secret (whsec_…) or one you gave when subscribing.</param>
public sealed class WebhookVerifier(string sharedSecret)
{
    private const string Prefix = "whsec_";

    private readonly StandardWebhook standard = sharedSecret.StartsWith(Prefix, StringComparison.Ordinal)
        ? new StandardWebhook(sharedSecret)
        // a secret given by the subscriber is used as its UTF-8 bytes, as the service signs with it
        : new StandardWebhook(Encoding.UTF8.GetBytes(sharedSecret));

    /// <summary>
    /// The notification, when the Standard Webhooks headers (webhook-id, webhook-timestamp within five minutes of
    /// now, webhook-signature) and the body's webhookCallbackSecurity.hash both check out; otherwise a
    /// <see cref="WebhookVerificationException"/>. Pass the body exactly as received.
    /// </summary>
    public async Task<WebhookNotification> VerifyAsync(string body, IHeaderDictionary headers,
        CancellationToken ct = default)
    {
        standard.Verify(body, headers);
        var notification = await Read(body, ct);
        if (!HashMatches(notification, sharedSecret))
            throw new WebhookVerificationException("webhookCallbackSecurity.hash does not match.");
        return notification;
    }

    /// <summary>Reads a delivery's body without checking it (for a body already verified, or a test).</summary>
    public static async Task<WebhookNotification> Read(string body, CancellationToken ct = default)
    {
        // Kiota's JSON reader itself, so that a receiver needs no API client to read a delivery
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var node = await new JsonParseNodeFactory().GetRootParseNodeAsync("application/json", stream, ct);
        return node.GetObjectValue(WebhookNotification.CreateFromDiscriminatorValue)
            ?? throw new WebhookVerificationException("The body is not a notification.");
    }

    /// <summary>
    /// The marketplace's own signature: Base64(SHA-256(UTF-8(dateNotification + action + urlReference + nonce +
    /// sharedSecret))), for receivers that cannot read headers. Compared in constant time.
    /// </summary>
    public static bool HashMatches(WebhookNotification notification, string sharedSecret)
    {
        if (notification.WebhookCallbackSecurity is not { Nonce: { } nonce, Hash: { } hash }) return false;
        var action = RawAction(notification);
        var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(
            notification.DateNotification + action + notification.UrlReference + nonce + sharedSecret)));
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), Encoding.UTF8.GetBytes(hash));
    }

    /// <summary>The action as sent: a known value by its name, one this version does not know as it came.</summary>
    private static string? RawAction(WebhookNotification notification) =>
        notification.Action?.ToString()
        ?? (notification.AdditionalData.TryGetValue("action", out var raw) ? raw?.ToString() : null);
}
