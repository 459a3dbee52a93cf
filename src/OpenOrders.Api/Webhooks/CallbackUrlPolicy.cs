using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Where callbacks may go. Outside Development a callback must be HTTPS and must not reach loopback, private,
/// link-local or other internal addresses, nor an IPv6 form of one (<see cref="CallbackAddresses"/>) — checked
/// when subscribing and again at every connection, so a name that later resolves inwards (DNS rebinding) is
/// refused too. In Development a receiver on this machine (loopback, plain http) is allowed, so the walk-through
/// works from a fresh clone; configuration can allow more.
/// </summary>
public sealed class CallbackUrlPolicy(IOptions<WebhookOptions> options, IHostEnvironment env)
{
    private bool AllowHttp => options.Value.AllowHttp || env.IsDevelopment();
    private bool AllowPrivate => options.Value.AllowPrivateNetworks;
    private bool AllowLoopback => AllowPrivate || env.IsDevelopment();

    /// <summary>The one test, used when subscribing and when connecting.</summary>
    private bool Refused(IPAddress address) => CallbackAddresses.ScopeOf(address) switch
    {
        AddressScope.Public => false,
        AddressScope.Loopback => !AllowLoopback,
        _ => !AllowPrivate,
    };

    /// <summary>Why the URL is refused, or null when it is acceptable.</summary>
    public async Task<string?> ProblemWithAsync(string? url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")
            || string.IsNullOrEmpty(uri.Host))
            return "Must be an absolute http(s) URL.";
        if (uri.Scheme == "http" && !AllowHttp) return "Must use https.";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "Must not contain credentials.";
        if (AllowPrivate) return null;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.Host, out var literal)
                ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException) { return $"The host '{uri.Host}' cannot be resolved."; }
        return addresses.Length == 0 || addresses.Any(Refused)
            ? "Must not point to a loopback, private or otherwise internal address."
            : null;
    }

    /// <summary>
    /// The handler for webhook calls: no redirects, the address checked when connecting, and each request told what
    /// it saw of its connection (<see cref="CallbackConnection"/>). Not <paramref name="pooled"/>: every request on a
    /// new connection, for the second try of a request whose pooled connection had been closed.
    /// </summary>
    public SocketsHttpHandler CreateHandler(bool pooled = true) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = pooled ? TimeSpan.FromMinutes(2) : TimeSpan.Zero,
        // Dropped before the shortest common keep-alive of servers (gunicorn 2 s; Node, Apache, uvicorn 5 s), so a
        // connection is rarely taken from the pool just as its receiver closes it (docs/decisions/0010).
        PooledConnectionIdleTimeout = TimeSpan.FromSeconds(1),
        PlaintextStreamFilter = (connection, _) => ValueTask.FromResult<Stream>(
            new CallbackConnection(connection.PlaintextStream, connection.InitialRequestMessage)),
        ConnectCallback = async (context, ct) =>
        {
            var addresses = IPAddress.TryParse(context.DnsEndPoint.Host, out var literal)
                ? [literal] : await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
            var allowed = addresses.Where(a => !Refused(a)).ToArray();
            if (allowed.Length == 0)
                throw new HttpRequestException(
                    $"Refused to connect to {context.DnsEndPoint.Host}: it resolves to an internal address.");
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
