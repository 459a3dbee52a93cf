namespace OpenOrders.Api.Mail;

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}

/// <summary>The <c>Mail</c> configuration section.</summary>
public sealed class MailOptions
{
    /// <summary>The sender, as "Name &lt;address&gt;" or an address.</summary>
    public string From { get; set; } = "OpenOrders <no-reply@openorders.localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Messages sent to the server at once, each over its own reused connection.</summary>
    public int MaxParallel { get; set; } = 4;

    /// <summary>Sent and failed messages are removed this long after they were written.</summary>
    public TimeSpan KeepFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>When (in the console's time zone) the daily digest of waiting orders goes out.</summary>
    public TimeSpan DigestAt { get; set; } = TimeSpan.FromHours(8);

    public bool HasServer => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 25;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.None;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// The SHA-256 of the server's certificate (hex, colons allowed), for a relay whose certificate no public
    /// authority signed: that one certificate is then accepted. Without it the system's trust store decides.
    /// </summary>
    public string? CertificateSha256 { get; set; }

    /// <summary>The pin as 64 lower-case hex digits, or null when none (or not one) is configured.</summary>
    public string? PinnedCertificate =>
        CertificateSha256?.Replace(":", "").Replace(" ", "").ToLowerInvariant() is { Length: 64 } pin
        && pin.All(char.IsAsciiHexDigit) ? pin : null;

    /// <summary>How long one message may take, connecting included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
