using System.Security.Cryptography;
using System.Text;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Both signatures a delivery carries: the Standard Webhooks <c>webhook-signature</c> header, and the original
/// marketplace's <c>webhookCallbackSecurity.hash</c> in the body.
/// </summary>
public static class WebhookSigning
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new shared secret in the Standard Webhooks form: whsec_ and 32 random bytes in base64.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>
    /// <c>v1,</c> + Base64(HMAC-SHA256(key, id.timestamp.body)). A whsec_ secret's key is its base64 part; any other
    /// secret's is its UTF-8 bytes.
    /// </summary>
    public static string Signature(string secret, string messageId, long timestamp, string body)
    {
        var key = secret.StartsWith(SecretPrefix, StringComparison.Ordinal)
            ? Convert.FromBase64String(secret[SecretPrefix.Length..])
            : Encoding.UTF8.GetBytes(secret);
        var mac = HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(mac);
    }

    /// <summary>The header value: one signature per secret in use, space-separated (two during a rotation).</summary>
    public static string SignatureHeader(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Signature(s, messageId, timestamp, body)));

    /// <summary>
    /// The original's hash: Base64(SHA256(UTF8(dateNotification + action + urlReference + nonce + sharedSecret))).
    /// </summary>
    public static string CallbackHash(
        string dateNotification, string action, string urlReference, string nonce, string sharedSecret) =>
        Convert.ToBase64String(SHA256.HashData(
            Encoding.UTF8.GetBytes(dateNotification + action + urlReference + nonce + sharedSecret)));
}
