using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OpenOrders.Bench;

/// <summary>
/// One message as the sink's SMTP server accepted it, parsed with MimeKit; whether it came over TLS, and the user
/// that logged in (if any).
/// </summary>
public sealed record ReceivedMail(MimeMessage Message, string Raw, DateTimeOffset ReceivedAt, bool Secure = false,
    string? User = null)
{
    public string To => Message.To.Mailboxes.Single().Address;
    public string MessageId => Message.MessageId ?? "";
    public string Html => Message.HtmlBody ?? "";
    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), standing in for the marketplace's mail relay.
/// It keeps what it accepts, answers as told (a 4xx or 5xx for the next messages, a 550 for given recipients), and
/// can be stopped and started again on the same port, as an outage. With <see cref="MailSinkSecurity"/> it speaks TLS
/// (STARTTLS, or TLS from the first byte) and asks for a login, as a relay on the internet does.
/// Used by the tests, the bench and the crash test.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly ConcurrentDictionary<string, (int Code, string Text)> plannedAnswers =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, byte> refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private readonly MailSinkSecurity? security;
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? running;

    public int Port { get; }
    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>The password the server accepts now (with <see cref="MailSinkSecurity.UserName"/>).</summary>
    public string? Password { get; set; }

    /// <summary>
    /// Called for each message before it is accepted, on the server's thread; if it throws, the message is refused
    /// with a 554 that names the exception.
    /// </summary>
    public Action<ReceivedMail>? OnReceived { get; set; }

    private MailSink(int port, MailSinkSecurity? security) =>
        (Port, this.security, Password) = (port, security, security?.Password);

    public static async Task<MailSink> StartAsync(int? port = null, MailSinkSecurity? security = null)
    {
        var sink = new MailSink(port ?? FreePort(), security);
        await sink.ResumeAsync();
        return sink;
    }

    /// <summary>
    /// The next message to this address is answered with this code (then they are accepted again). By address, so a
    /// message of another test still on its way cannot take the answer.
    /// </summary>
    public void AnswerNext(string address, int code, string text) => plannedAnswers[address] = (code, text);

    /// <summary>Messages to this address are refused for good (550), as a mailbox that does not exist.</summary>
    public void Refuse(string address) => refusedRecipients[address] = 0;

    /// <summary>Stops listening: connections are refused until <see cref="ResumeAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (server is null) return;
        server.Shutdown();
        running!.Cancel();
        try { await server.ShutdownTask; } catch (OperationCanceledException) { }
        server = null;
    }

    public Task ResumeAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("sink.localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (security is null) return;
                e.Certificate(security.Certificate).IsSecure(security.TlsOnConnect)
                    .AuthenticationRequired().AllowUnsecureAuthentication(false);
            }).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (security is not null)
            services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, password) =>
                user == security.UserName && password == Password));
        services.Add(new NoDelayListeners());
        server = new SmtpServer.SmtpServer(options, services);
        running = new CancellationTokenSource();
        _ = server.StartAsync(running.Token);
        return WaitUntilListeningAsync();
    }

    /// <summary>
    /// Polls until a message arrives for which the predicate holds over all received, with a deadline.
    /// </summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(Func<IReadOnlyList<ReceivedMail>, bool> done,
        TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var now = Received;
            if (done(now)) return now;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The mail sink had {now.Count} messages, not what was waited for: " +
                    string.Join("; ", now.Select(m => $"{m.To}: {m.Message.Subject}")));
            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task WaitUntilListeningAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(10); }
        }
        throw new InvalidOperationException($"The mail sink did not listen on port {Port}.");
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>
    /// Accepts connections with Nagle's algorithm off, as mail servers do: otherwise each small reply waits for the
    /// client's delayed ACK (about 40 ms a message), and the sink, not the service, would be what is measured.
    /// </summary>
    private sealed class NoDelayListeners : SmtpServer.Net.IEndpointListenerFactory
    {
        public SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpoint)
        {
            var created = new SmtpServer.Net.EndpointListenerFactory().CreateListener(endpoint);
            // The package keeps its TcpListener private; Linux gives accepted sockets the listening socket's
            // TCP_NODELAY, so setting it there is enough.
            var listener = created.GetType().GetFields(System.Reflection.BindingFlags.NonPublic
                    | System.Reflection.BindingFlags.Instance)
                .Select(f => f.GetValue(created)).OfType<TcpListener>().Single();
            listener.Server.NoDelay = true;
            return created;
        }
    }

    private sealed class Store(MailSink sink) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken ct)
        {
            if (transaction.To.Any(t => sink.refusedRecipients.ContainsKey($"{t.User}@{t.Host}")))
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, "5.1.1 No such mailbox"));
            if (transaction.To.Select(t => $"{t.User}@{t.Host}").FirstOrDefault(sink.plannedAnswers.ContainsKey) is
                    { } planned && sink.plannedAnswers.TryRemove(planned, out var answer))
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)answer.Code, answer.Text));
            var bytes = buffer.ToArray();
            try
            {
                using var stream = new MemoryStream(bytes);
                var mail = new ReceivedMail(MimeMessage.Load(stream), System.Text.Encoding.UTF8.GetString(bytes),
                    DateTimeOffset.UtcNow, context.Pipe.IsSecure,
                    context.Authentication.IsAuthenticated ? context.Authentication.User : null);
                sink.OnReceived?.Invoke(mail);
                sink.received.Enqueue(mail);
                return Task.FromResult(SmtpResponse.Ok);
            }
            catch (Exception e)
            {
                // The server would answer a bare "554" and the cause would be lost (one bench mail in 8 000 was
                // refused so): say it in the answer, which the service keeps as the mail's last error.
                Console.Error.WriteLine($"mail sink: refused a message with {e}\n{System.Text.Encoding.UTF8.GetString(bytes)}");
                return Task.FromResult(new SmtpResponse(SmtpReplyCode.TransactionFailed,
                    $"5.3.0 The test's SMTP server failed on this message: {e.GetType().Name}: {e.Message}"
                        .ReplaceLineEndings(" ")));
            }
        }
    }
}

/// <summary>
/// TLS with this certificate (from the first byte, or after STARTTLS) and a login required, over TLS only.
/// </summary>
public sealed record MailSinkSecurity(X509Certificate2 Certificate, bool TlsOnConnect, string UserName,
    string Password)
{
    /// <summary>A certificate for 127.0.0.1 that no authority signed, as an in-house relay's often is.</summary>
    public static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var made = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        // Through PFX, so the private key is one SslStream can use on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pfx), null);
    }

    public string Sha256 => Convert.ToHexStringLower(SHA256.HashData(Certificate.RawData));
}
