using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// The service on real ports (Kestrel on 127.0.0.1, ports the OS picks) so a real browser can use the console:
/// HTTPS with a certificate made for the run, because outside Development the console's cookies are Secure and
/// antiforgery insists on it, and plain HTTP beside it for the tests' API clients. Workers run; the clock is the
/// test's.
/// </summary>
public abstract class ConsoleApp : OrdersApp
{
    private static readonly Lazy<X509Certificate2> Certificate = new(CreateCertificate);

    /// <summary>The console's origin, for the browser.</summary>
    public string BaseUrl { get; private set; } = "";

    protected override void Start()
    {
        UseKestrel(o =>
        {
            o.Listen(IPAddress.Loopback, 0);
            o.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(Certificate.Value));
        });
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/');
        ClientOptions.BaseAddress = new Uri(addresses.Single(a => a.StartsWith("http://", StringComparison.Ordinal)));
    }

    public string Url(string path) => BaseUrl + path;

    private static X509Certificate2 CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddDays(30));
        // Kestrel needs a key it can use for TLS: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}

public sealed class SqliteConsoleApp : ConsoleApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

public sealed class PostgresConsoleApp : ConsoleApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override Task<string> CreateDatabaseAsync() => NewPostgresDatabaseAsync();
}

/// <summary>The console on SQLite with the workers off: tests that watch deliveries drive each pass themselves.</summary>
public sealed class ManualSqliteConsoleApp : ConsoleApp
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
    protected override bool WorkersEnabled => false;

    protected override Task<string> CreateDatabaseAsync() => NewSqliteFileAsync();
}

