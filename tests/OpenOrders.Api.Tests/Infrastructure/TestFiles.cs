using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>
/// The SQLite files of this test run: one folder per test process, removed when the process ends, as the
/// PostgreSQL fixture removes its data folder; each app removes its own file when it is disposed, because the test
/// host may be stopped before its exit handlers have run. A folder whose process is gone is removed by the next run;
/// before there were per-run folders every run left its hundreds of files behind (1.5 GB after a day).
/// </summary>
public static class TestFiles
{
    private static readonly string Root = Path.Combine(Path.GetTempPath(), "openorders-tests");
    private static readonly Lazy<string> Folder = new(Create);

    /// <summary>A path for a new SQLite file of the test's own.</summary>
    public static string NewSqliteFile() => Path.Combine(Folder.Value, $"{Guid.NewGuid():N}.db");

    /// <summary>Removes a SQLite database (its file, WAL and shared memory) once nothing uses it any more.</summary>
    public static void DeleteSqlite(string connectionString)
    {
        using (var connection = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(connection);
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        foreach (var suffix in new[] { "", "-wal", "-shm" }) TryDelete(file + suffix);
    }

    /// <summary>A path for a new folder of the test's own (not yet created).</summary>
    public static string NewFolder(string name) => Path.Combine(Folder.Value, $"{name}-{Guid.NewGuid():N}");

    private static string Create()
    {
        Directory.CreateDirectory(Root);
        foreach (var dir in Directory.GetDirectories(Root, "run-*"))
            if (!int.TryParse(Path.GetFileName(dir)["run-".Length..], out var pid) || !IsRunning(pid))
                TryDelete(dir);
        // Files of runs from before the per-run folders; an hour old, so no run of that kind still uses them.
        foreach (var file in Directory.GetFiles(Root))
            if (File.GetLastWriteTimeUtc(file) < DateTime.UtcNow.AddHours(-1)) TryDelete(file);
        var oldCrashLogs = Path.Combine(Path.GetTempPath(), "openorders-crash-test");
        if (Directory.Exists(oldCrashLogs)
            && Directory.GetLastWriteTimeUtc(oldCrashLogs) < DateTime.UtcNow.AddHours(-1)) TryDelete(oldCrashLogs);

        var folder = Path.Combine(Root, $"run-{Environment.ProcessId}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            TryDelete(folder);
        };
        return folder;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            else File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // In use or not ours: left for a later run.
        }
    }
}
