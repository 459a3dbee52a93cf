using System.Globalization;
using System.Text;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// The text of the lists' cursors: their parts joined with ':' and written base64url, so clients treat a cursor as
/// opaque and it travels in a URL as it is. Each cursor type reads its own parts.
/// </summary>
public static class CursorText
{
    public static string Write(params object[] parts) => Auth.SecretHasher.Base64Url(Encoding.UTF8.GetBytes(
        string.Join(':', parts.Select(p => Convert.ToString(p, CultureInfo.InvariantCulture)))));

    /// <summary>The cursor's parts, or null when the text is no cursor of that many parts.</summary>
    public static string[]? Read(string? text, int parts)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            var padded = text.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var split = Encoding.UTF8.GetString(Convert.FromBase64String(padded)).Split(':');
            return split.Length == parts ? split : null;
        }
        catch (FormatException) { return null; }
    }
}
