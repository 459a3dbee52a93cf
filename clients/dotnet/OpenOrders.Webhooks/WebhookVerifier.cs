using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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
        if (!HashMatches(body, sharedSecret))
            throw new WebhookVerificationException("webhookCallbackSecurity.hash does not match.");
        return await Read(body, ct);
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
    /// sharedSecret))), for receivers that cannot read headers. Read from the body's text, so that an action this
    /// version does not know yet checks out too; compared in constant time.
    /// </summary>
    public static bool HashMatches(string body, string sharedSecret)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            string? Text(JsonElement e, string name) =>
                e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v)
                    && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (!root.TryGetProperty("webhookCallbackSecurity", out var security)
                    || Text(security, "nonce") is not { } nonce || Text(security, "hash") is not { } hash)
                return false;
            var expected = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(
                Text(root, "dateNotification") + Text(root, "action") + Text(root, "urlReference") + nonce +
                sharedSecret)));
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected),
                Encoding.UTF8.GetBytes(hash));
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
