namespace OpenOrders.Api.Webhooks;

/// <summary>What one request saw of the connection it went over.</summary>
internal sealed class ConnectionUse(HttpRequestMessage request)
{
    public HttpRequestMessage Request { get; } = request;

    /// <summary>
    /// The connection came from the pool: an earlier request had gone over it, or it was opened for another request
    /// and waited.
    /// </summary>
    public bool Reused { get; set; }

    /// <summary>At least one byte of the answer arrived.</summary>
    public bool Answered { get; set; }

    /// <summary>
    /// Of a request that failed: it went over a pooled connection and no byte of the answer came, so the receiver
    /// had closed that connection (an idle timeout, a close after each answer, a restart) before or as the request
    /// reached it. That says nothing about the receiver, and the request can be sent again on a new connection.
    /// </summary>
    public bool Stale => Reused && !Answered;
}

/// <summary>
/// A callback connection's plain-text stream that tells each request whether it reused the connection and whether
/// its answer began (<see cref="ConnectionUse"/>). SocketsHttpHandler tells neither, and sends a request again by
/// itself only when a pooled connection ends before any byte of the answer and the request has no body (or waited
/// for 100-continue): never one of our POSTs. HTTP/1.1 sends one request at a time on a connection, so the bytes
/// read after a request's first write are its answer's.
/// </summary>
internal sealed class CallbackConnection(Stream inner, HttpRequestMessage openedFor) : Stream
{
    /// <summary>The request being sent in this flow: set by <see cref="WebhookSender"/> around each send.</summary>
    public static readonly AsyncLocal<ConnectionUse?> Current = new();

    private volatile ConnectionUse? serving;
    private bool used;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default)
    {
        Begin();
        await inner.WriteAsync(buffer, ct);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        WriteAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Begin();
        inner.Write(buffer, offset, count);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
        Count(await inner.ReadAsync(buffer, ct));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct) =>
        ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    /// <summary>A request's first write on this connection: from now on, what is read is its answer.</summary>
    private void Begin()
    {
        if (Current.Value is not { } use || ReferenceEquals(use, serving)) return;
        use.Reused = used || !ReferenceEquals(use.Request, openedFor);
        used = true;
        serving = use;
    }

    private int Count(int read)
    {
        if (read > 0 && serving is { } use) use.Answered = true;
        return read;
    }

    public override Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
    public override void Flush() => inner.Flush();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;
    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
