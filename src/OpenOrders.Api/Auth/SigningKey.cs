using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace OpenOrders.Api.Auth;

/// <summary>The HMAC key that signs and checks our own tokens.</summary>
public sealed class SigningKey(SymmetricSecurityKey key)
{
    public SymmetricSecurityKey Key { get; } = key;

    /// <summary>
    /// From configuration; else, in Development only, a key generated once and kept in ./data so tokens
    /// survive a restart. Anywhere else a missing key stops the service at start-up.
    /// </summary>
    public static SigningKey Load(AuthOptions options, IHostEnvironment env)
    {
        if (!string.IsNullOrWhiteSpace(options.SigningKey))
            return FromBytes(Convert.FromBase64String(options.SigningKey));
        if (!env.IsDevelopment())
            throw new InvalidOperationException(
                "Auth:SigningKey must be set (base64, at least 32 bytes) outside Development.");

        var file = Path.Combine(env.ContentRootPath, "data", "signing.key");
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        }
        return FromBytes(Convert.FromBase64String(File.ReadAllText(file).Trim()));
    }

    private static SigningKey FromBytes(byte[] bytes) => bytes.Length < 32
        ? throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.")
        : new SigningKey(new SymmetricSecurityKey(bytes) { KeyId = "openorders-1" });
}
