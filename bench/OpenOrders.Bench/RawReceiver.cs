using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace OpenOrders.Bench;

/// <summary>How a <see cref="RawReceiver"/> ends its connections.</summary>
public enum ConnectionEnding
{
    /// <summary>Keeps every connection until the client closes it (Python's http.server, Go's net/http).</summary>
    KeepAlive,

    /// <summary>
    /// Closes a connection that has been idle for a while after an answer (Node's keepAliveTimeout: 5 s; gunicorn's
    /// keepalive: 2 s).
    /// </summary>
    IdleTimeout,

    /// <summary>Answers with "Connection: close" and closes.</summary>
    CloseSaid,

    /// <summary>Closes after every answer without saying so (an HTTP/1.0 habit under an HTTP/1.1 answer).</summary>
    CloseUnsaid,

    /// <summary>
    /// Closes after every answer, without saying so, just as the next request arrives: that request is reset
    /// unread. The worst timing of an idle timeout or of a busy receiver's late close, every time.
    /// </summary>
    CloseCrossing,

    /// <summary>Reads each request and closes without an answer: a receiver that fails, not a false failure.</summary>
    NoAnswer,
}

/// <summary>One request as a <see cref="RawReceiver"/> got it: over which connection, as its how-manieth.</summary>
public sealed record RawRequest(int Connection, int OnConnection, string WebhookId, int BodyLength);

/// <summary>
/// An HTTP/1.1 receiver on a raw socket on loopback that answers every request 200 "ok" (unless told not to) and
/// ends its connections the way real receivers do (<see cref="ConnectionEnding"/>); Kestrel does none of these. It
/// can be stopped and started again on the same port, as a receiver is restarted. Used by the test suite and
/// bench/webhooks.
/// </summary>
public sealed class RawReceiver : IAsyncDisposable
{
    private readonly ConnectionEnding ending;
    private readonly TimeSpan idleTimeout;
    private readonly ConcurrentQueue<RawRequest> received = new();
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private TcpListener listener;
    private Task accepting = Task.CompletedTask;
    private int connections;
    private int reset;

    private RawReceiver(ConnectionEnding ending, TimeSpan idleTimeout)
    {
        this.ending = ending;
        this.idleTimeout = idleTimeout;
        listener = new TcpListener(IPAddress.Loopback, 0);
    }

    public int Port { get; private set; }
    public string Url => $"http://127.0.0.1:{Port}/hooks";
    public IReadOnlyList<RawRequest> Received => [.. received];

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>Requests that arrived as their connection was closing, and were reset unread.</summary>
    public int Reset => Volatile.Read(ref reset);

    public static RawReceiver Start(ConnectionEnding ending, TimeSpan? idleTimeout = null)
    {
        var receiver = new RawReceiver(ending, idleTimeout ?? TimeSpan.FromSeconds(1));
        receiver.Listen();
        return receiver;
    }

    /// <summary>As a killed receiver: every connection closed at once, then listening again on the same port.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();
        listener = new TcpListener(IPAddress.Loopback, Port);
        Listen();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private void Listen()
    {
        listener.Start(512);
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync(listener);
    }

    private async Task StopAsync()
    {
        listener.Stop();
        await accepting;
        foreach (var socket in open.Keys) socket.Dispose();
    }

    private async Task AcceptAsync(TcpListener from)
    {
        while (true)
        {
            Socket socket;
            try { socket = await from.AcceptSocketAsync(); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            socket.NoDelay = true;
            open[socket] = 0;
            _ = ServeAsync(socket, Interlocked.Increment(ref connections));
        }
    }

    private async Task ServeAsync(Socket socket, int connection)
    {
        var buffer = new byte[64 * 1024];
        var length = 0;
        try
        {
            for (var number = 1; ; number++)
            {
                int headEnd;
                while ((headEnd = HeadEnd(buffer, length)) < 0)
                {
                    using var idle = new CancellationTokenSource(
                        ending == ConnectionEnding.IdleTimeout && number > 1 && length == 0
                            ? idleTimeout : Timeout.InfiniteTimeSpan);
                    var read = await socket.ReceiveAsync(buffer.AsMemory(length), idle.Token);
                    if (read == 0) return;
                    length += read;
                }
                var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                var total = headEnd + 4 + ContentLength(head);
                while (length < total)
                {
                    var read = await socket.ReceiveAsync(buffer.AsMemory(length));
                    if (read == 0) return;
                    length += read;
                }
                received.Enqueue(new RawRequest(connection, number, Header(head, "webhook-id") ?? "",
                    total - headEnd - 4));
                if (ending == ConnectionEnding.NoAnswer) return;
                Buffer.BlockCopy(buffer, total, buffer, 0, length - total);
                length -= total;

                var close = ending is ConnectionEnding.CloseSaid or ConnectionEnding.CloseUnsaid
                    or ConnectionEnding.CloseCrossing;
                var answer = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n"
                    + (ending == ConnectionEnding.CloseSaid ? "Connection: close\r\n" : "") + "\r\nok";
                await socket.SendAsync(Encoding.ASCII.GetBytes(answer));
                if (ending == ConnectionEnding.CloseCrossing && (length > 0
                        || await socket.ReceiveAsync(buffer.AsMemory(0, 1), SocketFlags.Peek) > 0))
                    Interlocked.Increment(ref reset); // the next request came: closing now drops it
                if (close) return;
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException) { }
        finally
        {
            open.TryRemove(socket, out _);
            socket.Dispose();
        }
    }

    private static int HeadEnd(byte[] buffer, int length) =>
        buffer.AsSpan(0, length).IndexOf("\r\n\r\n"u8);

    private static int ContentLength(string head) =>
        int.TryParse(Header(head, "content-length"), out var n) ? n : 0;

    private static string? Header(string head, string name) => head.Split("\r\n")
        .Where(line => line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
        .Select(line => line[(name.Length + 1)..].Trim()).FirstOrDefault();
}
