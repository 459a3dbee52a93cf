using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace OpenOrders.Bench;

/// <summary>One message as the sink's SMTP server accepted it, parsed with MimeKit.</summary>
public sealed record ReceivedMail(MimeMessage Message, string Raw, DateTimeOffset ReceivedAt)
{
    public string To => Message.To.Mailboxes.Single().Address;
    public string MessageId => Message.MessageId ?? "";
    public string Html => Message.HtmlBody ?? "";
    public string Text => Message.TextBody ?? "";
}

/// <summary>
/// A real SMTP server on a loopback port (the SmtpServer package), standing in for the marketplace's mail relay.
/// It keeps what it accepts, answers as told (a 4xx or 5xx for the next messages, a 550 for given recipients), and
/// can be stopped and started again on the same port, as an outage. Used by the tests, the bench and the crash test.
/// </summary>
public sealed class MailSink : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> received = new();
    private readonly ConcurrentQueue<(int Code, string Text)> plannedAnswers = new();
    private readonly ConcurrentDictionary<string, byte> refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private SmtpServer.SmtpServer? server;
    private CancellationTokenSource? running;

    public int Port { get; }
    public IReadOnlyList<ReceivedMail> Received => [.. received];

    /// <summary>Called for each accepted message, on the server's thread.</summary>
    public Action<ReceivedMail>? OnReceived { get; set; }

    private MailSink(int port) => Port = port;

    public static async Task<MailSink> StartAsync(int? port = null)
    {
        var sink = new MailSink(port ?? FreePort());
        await sink.ResumeAsync();
        return sink;
    }

    /// <summary>The next messages are answered with these codes (then accepted again).</summary>
    public void AnswerNext(int code, string text, int count = 1)
    {
        for (var i = 0; i < count; i++) plannedAnswers.Enqueue((code, text));
    }

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
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
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
            if (sink.plannedAnswers.TryDequeue(out var answer))
                return Task.FromResult(new SmtpResponse((SmtpReplyCode)answer.Code, answer.Text));
            var bytes = buffer.ToArray();
            using var stream = new MemoryStream(bytes);
            var mail = new ReceivedMail(MimeMessage.Load(stream), System.Text.Encoding.UTF8.GetString(bytes),
                DateTimeOffset.UtcNow);
            sink.received.Enqueue(mail);
            sink.OnReceived?.Invoke(mail);
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
