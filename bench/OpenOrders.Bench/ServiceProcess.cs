using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace OpenOrders.Bench;

/// <summary>
/// The real service as a separate process on a loopback port, which the crash test can kill with SIGKILL and start
/// again.
/// </summary>
public sealed class ServiceProcess(string serviceDll, IReadOnlyDictionary<string, string> settings, string name,
    string logDirectory) : IDisposable
{
    public const string AdminId = "bench-admin";
    public const string AdminSecret = "bench-admin-secret-0123456789abcdef";
    private const string SigningKey = "YmVuY2gtc2lnbmluZy1rZXktYmVuY2gtc2lnbmluZy1rZXktMDEyMzQ1Njc4OQ==";

    private Process? process;
    private int starts;

    public int Port { get; } = FreePort();
    public string Url => $"http://127.0.0.1:{Port}";
    public int? ProcessId => process is { HasExited: false } p ? p.Id : null;

    public async Task StartAsync(TimeSpan? timeout = null)
    {
        starts++;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(serviceDll))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.GetFullPath(serviceDll));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Database__MigrateAtStartup"] = "true"; // instances of one version, one after another
        start.Environment["Metrics__Token"] = Api.MetricsToken;
        start.Environment["ASPNETCORE_URLS"] = Url;
        start.Environment["Auth__SigningKey"] = SigningKey;
        start.Environment["Auth__BootstrapAdmin__ClientId"] = AdminId;
        start.Environment["Auth__BootstrapAdmin__ClientSecret"] = AdminSecret;
        start.Environment["Webhooks__AllowHttp"] = "true";
        start.Environment["Webhooks__AllowPrivateNetworks"] = "true";
        start.Environment["RateLimiting__PermitsPerSecond"] = "0"; // a load test, not a client to hold back
        start.Environment["Workers__InstanceName"] = $"{name}-run{starts}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in settings) start.Environment[key] = value;

        process = Process.Start(start)!;
        var log = new StreamWriter(Path.Combine(logDirectory, $"{name}.log"), append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (log) log.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var api = new Api(Url);
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (!await api.ReadyAsync())
        {
            if (process.HasExited)
                throw new InvalidOperationException(
                    $"{name} exited with {process.ExitCode} while starting; see {logDirectory}/{name}.log.");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{name} was not ready within {timeout ?? TimeSpan.FromSeconds(60)}.");
            await Task.Delay(50);
        }
    }

    /// <summary>kill -9: no shutdown hooks, no flushing, leases left behind.</summary>
    public void Kill()
    {
        if (process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    /// <summary>The most memory the process has held (VmHWM), in MB.</summary>
    public double? PeakRssMb()
    {
        if (ProcessId is not { } pid) return null;
        var line = File.ReadLines($"/proc/{pid}/status")
            .FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null
            ? null
            : Math.Round(double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture) / 1024, 1);
    }

    public void Dispose() => Kill();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
