using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for the whole test run, started from the machine's own binaries (installing the
/// Debian package first when they are missing) on a free loopback port, and stopped when the run ends. Each test
/// application gets a database of its own in it. When it cannot start, tests fail: they are never skipped.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "openorders-pg");

    private readonly string binDir;
    private readonly string dataDir;
    private readonly bool asPostgresUser;

    public int Port { get; }

    private PostgresServer(string binDir, string dataDir, int port, bool asPostgresUser)
    {
        (this.binDir, this.dataDir, Port, this.asPostgresUser) = (binDir, dataDir, port, asPostgresUser);
    }

    public static Task<PostgresServer> Instance => Shared.Value;

    /// <summary>A new, empty database on the shared cluster.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        var name = "openorders_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Include Error Detail=true;" +
            "Maximum Pool Size=40";

    private static async Task<PostgresServer> StartAsync()
    {
        var binDir = await FindOrInstallBinariesAsync();
        var asPostgresUser = Environment.UserName == "root";
        Directory.CreateDirectory(Root);
        StopLeftovers(binDir, asPostgresUser);

        var dataDir = Path.Combine(Root, $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24]);
        Directory.CreateDirectory(dataDir);
        File.WriteAllText(Path.Combine(Root, Path.GetFileName(dataDir) + ".owner"), Environment.ProcessId.ToString());
        if (asPostgresUser)
        {
            // PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
            await RunAsync("chown", ["-R", "postgres:postgres", dataDir]);
            await RunAsync("chmod", ["755", Root]);
        }

        var server = new PostgresServer(binDir, dataDir, FreePort(), asPostgresUser);
        await server.PgAsync("initdb",
            ["-D", dataDir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--no-locale", "--no-sync"]);
        // fsync and friends are off: this cluster holds test data only and is thrown away.
        var settings = $"-c listen_addresses=127.0.0.1 -p {server.Port} -c unix_socket_directories={dataDir} " +
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400";
        await server.PgAsync("pg_ctl",
            ["-D", dataDir, "-l", Path.Combine(dataDir, "server.log"), "-o", settings, "-w", "-t", "60", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        server.WatchOver(Environment.ProcessId);
        return server;
    }

    /// <summary>
    /// The test runner ends its test host by killing it once the results are in, so ProcessExit does not always run:
    /// a watcher in a session of its own waits for this process to end, then stops the cluster and removes its data.
    /// </summary>
    private void WatchOver(int testHost)
    {
        var pgCtl = Path.Combine(binDir, "pg_ctl");
        var stop = (asPostgresUser ? "runuser -u postgres -- " : "") + $"'{pgCtl}' -D '{dataDir}' -m immediate -w stop";
        var script = $"while kill -0 {testHost} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; " +
                     $"rm -rf '{dataDir}' '{dataDir}.owner'";
        var start = new ProcessStartInfo("setsid") { WorkingDirectory = "/", RedirectStandardInput = true };
        foreach (var arg in new[] { "sh", "-c", script }) start.ArgumentList.Add(arg);
        using var watcher = Process.Start(start) ?? throw new InvalidOperationException("Could not start setsid.");
    }

    private void Stop()
    {
        try
        {
            PgAsync("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]).GetAwaiter().GetResult();
            Directory.Delete(dataDir, recursive: true);
            File.Delete(dataDir + ".owner");
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"Could not stop the test PostgreSQL cluster in {dataDir}: {e.Message}");
        }
    }

    /// <summary>A run that was killed leaves its cluster running; the next run stops it.</summary>
    private static void StopLeftovers(string binDir, bool asPostgresUser)
    {
        foreach (var owner in Directory.GetFiles(Root, "*.owner"))
        {
            if (int.TryParse(File.ReadAllText(owner), out var pid) && IsAlive(pid)) continue;
            var dir = owner[..^".owner".Length];
            if (Directory.Exists(dir))
            {
                var stop = new PostgresServer(binDir, dir, 0, asPostgresUser);
                try { stop.PgAsync("pg_ctl", ["-D", dir, "-m", "immediate", "stop"]).GetAwaiter().GetResult(); }
                catch (InvalidOperationException) { }
                try { Directory.Delete(dir, true); } catch (IOException) { }
            }
            File.Delete(owner);
        }
    }

    private static bool IsAlive(int pid)
    {
        try { return !Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    private Task PgAsync(string tool, string[] args) => asPostgresUser
        ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(binDir, tool), .. args])
        : RunAsync(Path.Combine(binDir, tool), args);

    private static async Task<string> FindOrInstallBinariesAsync()
    {
        var found = FindBinaries();
        if (found is not null) return found;
        if (Environment.UserName != "root")
            throw new InvalidOperationException("PostgreSQL server binaries are missing and the tests are not root: " +
                "install the Debian package 'postgresql'.");
        await RunAsync("apt-get", ["update", "-q"]);
        await RunAsync("apt-get", ["install", "-y", "-q", "--no-install-recommends", "postgresql"],
            ("DEBIAN_FRONTEND", "noninteractive"));
        return FindBinaries() ?? throw new InvalidOperationException("Installed 'postgresql' but found no initdb.");
    }

    private static string? FindBinaries()
    {
        try
        {
            var bindir = RunAsync("pg_config", ["--bindir"]).GetAwaiter().GetResult().Trim();
            if (File.Exists(Path.Combine(bindir, "initdb"))) return bindir;
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception) { }
        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "initdb"))).OrderDescending().FirstOrDefault()
            : null;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> RunAsync(string file, string[] args, params (string Key, string Value)[] env)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/"
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (key, value) in env) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        return await stdout;
    }
}
