using System.Diagnostics;
using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>
/// Grows the database to N orders (copies of the prepared world's orders, spread over ten accounts, five providers,
/// the statuses and half a year) and measures the lists whose cost could grow with the table: the list with
/// filters (status + account + updatedSince), its first page and a page deep behind a cursor, and a provider's
/// sync by updatedSince. Writes the p99s and an id sample for wrk's GET.
/// </summary>
public static class ScaleLoad
{
    private const int Requesters = 4;

    public static async Task RunAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var dir = options.Get("world");
        var world = JsonSerializer.Deserialize<World>(await File.ReadAllTextAsync(Path.Combine(dir, "world.json")))!;
        var target = options.Int("orders", 10_000);
        var seconds = options.Int("seconds", 10);
        var tenants = await TenantsAsync(api, world, dir);

        await using var connection = await OrderCopies.OpenAsync(options.Get("provider"), options.Get("database"));
        var postgres = connection is Npgsql.NpgsqlConnection;
        var have = await OrderCopies.CountAllAsync(connection);
        if (target > have)
        {
            var templates = (await File.ReadAllLinesAsync(Path.Combine(dir, "order-ids.txt"))).Take(20)
                .Select(Guid.Parse).ToList();
            var copying = Stopwatch.StartNew();
            await OrderCopies.CopyAsync(connection, templates, (int)(target - have), tenants);
            Console.Error.WriteLine($"copied {target - have} orders in {copying.Elapsed.TotalSeconds:0} s");
        }
        var orders = await OrderCopies.CountAllAsync(connection);
        await File.WriteAllLinesAsync(Path.Combine(dir, "scale-ids.txt"),
            await OrderCopies.SampleAsync(connection, postgres, "AccountId", world.AccountId));

        var since = DateTimeOffset.UtcNow.AddDays(-90).ToString("O");
        var list = $"/api/v1/orders?status=Paid&accountId={world.AccountId}&updatedSince={Uri.EscapeDataString(since)}&limit=50";
        var deep = await CursorAfterAsync(api, world.AdminToken, list, pages: 100);
        var sync = $"/api/v1/orders?updatedSince={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(-7).ToString("O"))}&limit=50";

        var result = new
        {
            orders,
            list_p99_ms = await P99Async(api, world.AdminToken, list, seconds),
            list_deep_p99_ms = await P99Async(api, world.AdminToken, deep, seconds),
            sync_p99_ms = await P99Async(api, world.ProviderToken, sync, seconds),
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(options.Get("out"), json);
        Console.WriteLine(json);
    }

    /// <summary>Nine more accounts and four more providers beside the world's own, made once per world.</summary>
    private static async Task<OrderCopies.Tenants> TenantsAsync(Api api, World world, string dir)
    {
        var file = Path.Combine(dir, "tenants.json");
        if (File.Exists(file))
            return JsonSerializer.Deserialize<OrderCopies.Tenants>(await File.ReadAllTextAsync(file))!;
        var accounts = new List<Guid> { world.AccountId };
        for (var i = 1; i < 10; i++)
            accounts.Add((await api.CreateAsync("/api/v1/accounts", world.AdminToken,
                new { name = $"Scale werkgever {i}" })).GetProperty("id").GetGuid());
        var providers = new List<Guid> { world.ProviderId };
        for (var i = 1; i < 5; i++)
            providers.Add((await api.CreateAsync("/api/v1/providers", world.AdminToken,
                new { name = $"Scale opleider {i}" })).GetProperty("id").GetGuid());
        var tenants = new OrderCopies.Tenants(accounts, providers);
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(tenants));
        return tenants;
    }

    /// <summary>
    /// The list's path continued behind the cursor of its n-th page (or of its last, when it has fewer).
    /// </summary>
    private static async Task<string> CursorAfterAsync(Api api, string token, string path, int pages)
    {
        var cursor = (string?)null;
        for (var page = 0; page < pages; page++)
        {
            var answer = await api.GetJsonAsync(
                cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}", token);
            if (!answer.GetProperty("hasMore").GetBoolean()) break;
            cursor = answer.GetProperty("next").GetString();
        }
        return cursor is null ? path : $"{path}&cursor={Uri.EscapeDataString(cursor)}";
    }

    /// <summary>
    /// The 99th percentile of the path's answer time, with a few requesters at once, after a short warm-up.
    /// </summary>
    private static async Task<double> P99Async(Api api, string token, string path, int seconds)
    {
        await Measure(api, token, path, TimeSpan.FromSeconds(2), null);
        var times = new List<double>();
        await Measure(api, token, path, TimeSpan.FromSeconds(seconds), times);
        return ConsoleLoad.Percentile(times, 99);
    }

    private static Task Measure(Api api, string token, string path, TimeSpan duration, List<double>? times)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        return Task.WhenAll(Enumerable.Range(0, Requesters).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                await api.GetJsonAsync(path, token);
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                if (times is not null) lock (times) times.Add(ms);
            }
        }));
    }
}
