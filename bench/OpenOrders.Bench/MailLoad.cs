using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>
/// The mail path under load, against a real SMTP server on loopback (<see cref="MailSink"/>, run by
/// <c>mailsink</c>, which logs each accepted message as "unix-ms TAB address"). <c>mailprep</c> writes what wrk's
/// post-mail.lua reads; <c>maillatency</c> creates orders that wait for approval at a steady rate, each naming its
/// own team leader, and measures commit (the move to PendingAccount) → message accepted by the server.
/// </summary>
public static class MailLoad
{
    public static async Task SinkAsync(Options options)
    {
        var log = new StreamWriter(options.Get("log"), append: true) { AutoFlush = true };
        await using var sink = await MailSink.StartAsync(options.Int("port", 2525));
        sink.OnReceived = mail =>
        {
            lock (log) log.WriteLine($"{mail.ReceivedAt.ToUnixTimeMilliseconds()}\t{mail.To}");
        };
        await Task.Delay(Timeout.Infinite);
    }

    public static async Task PrepareAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var world = await World.CreateAsync(api, options.Get("admin-id"), options.Get("admin-secret"), approval: true);
        var output = Directory.CreateDirectory(options.Get("out")).FullName;
        await File.WriteAllTextAsync(Path.Combine(output, "approval.token"), world.AccountToken);
        await File.WriteAllTextAsync(Path.Combine(output, "body-approval.json"), world.GuideBody());
        await File.WriteAllTextAsync(Path.Combine(output, "body-approval-leader.json"),
            world.GuideBody(teamLeader: "LEADER"));
    }

    public static async Task LatencyAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var rate = options.Double("rate", 50);
        var log = options.Get("log");
        var world = await World.CreateAsync(api, options.Get("admin-id"), options.Get("admin-secret"), approval: true);
        await Latency.BacklogDrainedAsync(api, world);
        var warmUp = await SendAsync(api, world, rate, options.Double("warmup", 2), "warm");
        await ArrivalsAsync(log, warmUp.Keys, TimeSpan.FromSeconds(120));
        var sent = await SendAsync(api, world, rate, options.Double("seconds", 10), "lat");
        var arrivals = await ArrivalsAsync(log, sent.Keys, TimeSpan.FromSeconds(120));
        // A mail that did not arrive in time: what the outbox says of it (waiting for a retry, failed, or never
        // written), so that "lost" is never left unexplained.
        List<string> missing = [];
        foreach (var (leader, orderId) in sent.Where(s => !arrivals.ContainsKey(s.Key)))
        {
            var mails = (await api.GetJsonAsync($"/api/v1/mail-messages?to={Uri.EscapeDataString(leader)}",
                world.AdminToken)).GetProperty("items");
            var order = await api.GetJsonAsync($"/api/v1/orders/{orderId}", world.AdminToken);
            missing.Add($"order {orderId} ({order.GetProperty("status").GetString()}): " + (mails.GetArrayLength() == 0
                ? "no mail written"
                : string.Join("; ", mails.EnumerateArray().Select(m => m.GetRawText()))));
        }
        foreach (var line in missing) Console.Error.WriteLine("not arrived: " + line);

        var latencies = new ConcurrentBag<double>();
        await Parallel.ForEachAsync(sent.Where(s => arrivals.ContainsKey(s.Key)),
            new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (s, _) =>
            {
                var order = await api.GetJsonAsync($"/api/v1/orders/{s.Value}", world.AdminToken);
                var waiting = order.GetProperty("orderStatusTransitions").EnumerateArray()
                    .First(t => t.GetProperty("status").GetString() == "PendingAccount");
                latencies.Add(arrivals[s.Key] - waiting.GetProperty("dateCreated").GetDateTimeOffset()
                    .ToUnixTimeMilliseconds());
            });
        var result = new Dictionary<string, object?>
        {
            ["rate"] = rate, ["orders"] = sent.Count, ["mails"] = arrivals.Count,
            ["lost"] = sent.Count - arrivals.Count, ["not_arrived"] = missing,
            ["mail_ms"] = new { p50 = Latency.Percentile(latencies, 50), p99 = Latency.Percentile(latencies, 99),
                mean = latencies.Count == 0 ? double.NaN : Math.Round(latencies.Average(), 1) },
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(options.Get("out"), json);
        Console.WriteLine(json);
    }

    /// <summary>
    /// Mails per second the sink accepted for wrk's post-mail.lua runs (warm-up and measured), first to last arrival,
    /// once at least the measured run's requests arrived and nothing more came for three seconds.
    /// </summary>
    public static async Task RateAsync(Options options)
    {
        var expected = options.Int("expected", 1);
        var since = (long)options.Double("since", 0); // unix ms: what the sink logged before does not count
        var deadline = DateTime.UtcNow.AddSeconds(120);
        List<long> times = [];
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            List<long> now = [.. (await ReadLogAsync(options.Get("log")))
                .Where(l => l.To.StartsWith("wrk-", StringComparison.Ordinal) && l.At >= since)
                .Select(l => l.At).Order()];
            if (now.Count != times.Count) (times, quietSince) = (now, DateTime.UtcNow);
            else if (times.Count >= expected && DateTime.UtcNow - quietSince > TimeSpan.FromSeconds(3)) break;
            await Task.Delay(200);
        }
        var rate = times.Count < 2 ? 0 : Math.Round((times.Count - 1) / ((times[^1] - times[0]) / 1000.0), 1);
        await File.WriteAllTextAsync(options.Get("out"),
            JsonSerializer.Serialize(new { mails = times.Count, expected, mails_per_second = rate }));
        Console.WriteLine($"{times.Count} of {expected} mails, {rate}/s");
    }

    private static async Task<Dictionary<string, Guid>> SendAsync(Api api, World world, double rate, double seconds,
        string prefix)
    {
        var sent = new ConcurrentDictionary<string, Guid>();
        await Latency.AtRateAsync(rate, seconds, async () =>
        {
            var leader = $"{prefix}-{Guid.NewGuid():N}@bench.test";
            var (status, body, _) = await api.SendAsync(HttpMethod.Post, "/api/v1/orders", world.AccountToken,
                world.GuideBody(teamLeader: leader));
            if (status == 201) sent[leader] = body.GetProperty("id").GetGuid();
        });
        return new Dictionary<string, Guid>(sent);
    }

    private static async Task<Dictionary<string, long>> ArrivalsAsync(string log, ICollection<string> addresses,
        TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var wanted = addresses.ToHashSet(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            var arrived = (await ReadLogAsync(log)).Where(l => wanted.Contains(l.To))
                .GroupBy(l => l.To, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Min(l => l.At));
            if (arrived.Count >= wanted.Count || DateTime.UtcNow > deadline) return arrived;
            await Task.Delay(100);
        }
    }

    private static async Task<List<(long At, string To)>> ReadLogAsync(string log)
    {
        await using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        List<(long, string)> lines = [];
        while (await reader.ReadLineAsync() is { } line)
            if (line.Split('\t') is [var at, var to]) lines.Add((long.Parse(at, CultureInfo.InvariantCulture), to));
        return lines;
    }
}
