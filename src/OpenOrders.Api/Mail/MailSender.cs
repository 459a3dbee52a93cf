using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace OpenOrders.Api.Mail;

/// <summary>How one attempt ended: sent, refused for good (5xx, a bad address), or worth trying again.</summary>
public sealed record MailResult(bool Sent, bool Permanent, string? Answer)
{
    public static readonly MailResult Ok = new(true, false, null);
}

/// <summary>
/// Sends over SMTP with MailKit. Connections are kept and reused (up to <see cref="MailOptions.MaxParallel"/>), since
/// a connection with its greeting, STARTTLS and login costs more than a message. A reused connection that the server
/// closed meanwhile is replaced once, at no attempt's cost; any other failure is classified for the outbox.
/// </summary>
public sealed class MailSender(IOptionsMonitor<MailOptions> options, ILogger<MailSender> log) : IAsyncDisposable
{
    private readonly ConcurrentBag<SmtpClient> idle = [];

    public bool HasServer => options.CurrentValue.HasServer;

    public async Task<MailResult> SendAsync(MailMessage mail, string messageIdDomain, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        if (!MailboxAddress.TryParse(settings.From, out var from))
            return new MailResult(false, false, $"Mail:From is not an address: '{settings.From}'.");
        if (!MailboxAddress.TryParse(mail.To, out var to) || to.Address != mail.To.Trim())
            return new MailResult(false, true, $"Not an e-mail address: '{mail.To}'.");
        to.Name = MailText.OneLine(mail.ToName);
        var message = Build(mail, from, to, messageIdDomain);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Smtp.Timeout);
        for (var fresh = false; ; fresh = true)
        {
            SmtpClient? client = null;
            var reused = false;
            try
            {
                reused = !fresh && idle.TryTake(out client) && client.IsConnected;
                if (!reused)
                {
                    client?.Dispose();
                    client = await ConnectAsync(settings.Smtp, timeout.Token);
                }
                await client!.SendAsync(message, timeout.Token);
                idle.Add(client);
                return MailResult.Ok;
            }
            catch (SmtpCommandException e)
            {
                Drop(client);
                var code = (int)e.StatusCode;
                return new MailResult(false, code >= 500, $"{code} {e.Message}".Trim());
            }
            catch (Exception e) when (reused && e is IOException or ServiceNotConnectedException
                                           or SmtpProtocolException && !timeout.IsCancellationRequested)
            {
                // The server closed an idle connection: try once more on a new one.
                Drop(client);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or ServiceNotConnectedException
                                          or System.Net.Sockets.SocketException or AuthenticationException
                                          or SslHandshakeException or OperationCanceledException
                                      && !ct.IsCancellationRequested)
            {
                Drop(client);
                return new MailResult(false, false, e is OperationCanceledException
                    ? $"No answer within {settings.Smtp.Timeout.TotalSeconds:0} s."
                    : $"{e.GetType().Name}: {e.Message}");
            }
        }
    }

    private static MimeMessage Build(MailMessage mail, MailboxAddress from, MailboxAddress to, string domain)
    {
        var message = new MimeMessage
        {
            Subject = MailText.OneLine(mail.Subject), MessageId = mail.MessageIdFor(domain),
        };
        message.From.Add(from);
        message.To.Add(to);
        message.Date = mail.DateCreated;
        // RFC 3834: an automatic message, so out-of-office replies stay away.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add(HeaderId.ContentLanguage, mail.Language);
        message.Body = new BodyBuilder { TextBody = mail.Text, HtmlBody = mail.Html }.ToMessageBody();
        return message;
    }

    private async Task<SmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (smtp.PinnedCertificate is { } pin)
        {
            // A pinned certificate is trusted by itself: no chain, no revocation list to ask.
            client.CheckCertificateRevocation = false;
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == System.Net.Security.SslPolicyErrors.None || certificate is not null
                && Convert.ToHexStringLower(SHA256.HashData(certificate.GetRawCertData())) == pin;
        }
        try
        {
            var security = smtp.Security switch
            {
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.None,
            };
            var started = Stopwatch.GetTimestamp();
            // Nagle's algorithm off: a message is several small writes, and each would otherwise wait for the
            // server's delayed ACK (docs/decisions/0009 has the figures).
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try { await socket.ConnectAsync(smtp.Host!, smtp.Port, ct); }
            catch { socket.Dispose(); throw; }
            await client.ConnectAsync(socket, smtp.Host!, smtp.Port, security, ct);
            if (!string.IsNullOrEmpty(smtp.UserName))
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            log.LogDebug("Connected to {Host}:{Port} in {Ms} ms", smtp.Host, smtp.Port,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static void Drop(SmtpClient? client)
    {
        if (client is null) return;
        try { if (client.IsConnected) client.Disconnect(false); } catch (Exception) { /* already gone */ }
        client.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var client))
        {
            try { if (client.IsConnected) await client.DisconnectAsync(true); } catch (Exception) { /* gone */ }
            client.Dispose();
        }
    }
}
