using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>
/// Creates orders at a steady rate and measures, per order, creation → end of validation (from the order's own
/// transition timestamps) and commit → webhook received (at a loopback receiver that verifies every signature).
/// Cross-checks both against the service's own meters at /metrics.
/// </summary>
public static class Latency
{
    public static async Task RunAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var rate = options.Double("rate", 50);
        var seconds = options.Double("seconds", 10);
        var world = await World.CreateAsync(api, options.Get("admin-id"), options.Get("admin-secret"));
        await BacklogDrainedAsync(api, world);
        await using var receiver = await Receiver.StartAsync();
        var subscription = await api.CreateAsync("/api/v1/webhook-subscriptions", world.ProviderToken,
            new { webhookId = "6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0001", callbackUrl = receiver.Url });
        receiver.AddSecret(subscription.GetProperty("sharedSecret").GetString()!);
        // Warm-up at the same rate, not measured: the first sends of a cold process (JIT, new connections) are
        // hundreds of milliseconds slower, and the figures are meant for a service that has been running.
        var warmUp = await SendAtRateAsync(api, world, rate, options.Double("warmup", 2));
        await receiver.WaitForAsync(r => r.Count >= warmUp.Created.Count, 120);
        await BacklogDrainedAsync(api, world);
        var metricsBefore = await api.MetricsAsync();

        var (created, failures) = await SendAtRateAsync(api, world, rate, seconds);
        var validation = await ValidationLatenciesAsync(api, world, created.Keys);
        var allHooks = await receiver.WaitForAsync(r => r.Count >= warmUp.Created.Count + created.Count, 120);
        static Guid OrderOf(ReceivedWebhook hook) => hook.Json.GetProperty("eventData").GetProperty("id").GetGuid();
        var hooks = allHooks.Where(h => created.ContainsKey(OrderOf(h))).ToList();
        var webhook = hooks.Select(h => (h.ReceivedAt - created[OrderOf(h)]).TotalMilliseconds).ToList();
        var metricsAfter = await api.MetricsAsync();

        var result = new Dictionary<string, object?>
        {
            ["rate"] = rate, ["orders"] = created.Count, ["failed_posts"] = failures,
            ["validation_ms"] = new { p50 = Percentile(validation, 50), p99 = Percentile(validation, 99),
                mean = validation.Average() },
            ["webhook_ms"] = new { p50 = Percentile(webhook, 50), p99 = Percentile(webhook, 99),
                mean = webhook.Average() },
            ["webhooks_unverified"] = allHooks.Count(h => !h.SignatureValid || !h.HashValid),
            ["meter_validation_mean_ms"] =
                MeterMean(metricsBefore, metricsAfter, "openorders_validation_latency_milliseconds"),
            ["meter_webhook_mean_ms"] =
                MeterMean(metricsBefore, metricsAfter, "openorders_webhook_latency_milliseconds"),
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        if (options.Get("out", "") is { Length: > 0 } file) await File.WriteAllTextAsync(file, json);
        Console.WriteLine(json);
    }

    /// <summary>Creates orders at a steady rate for a while; returns each created order's dateCreated.</summary>
    private static async Task<(ConcurrentDictionary<Guid, DateTimeOffset> Created, int Failures)> SendAtRateAsync(
        Api api, World world, double rate, double seconds)
    {
        var created = new ConcurrentDictionary<Guid, DateTimeOffset>();
        var failures = 0;
        await AtRateAsync(rate, seconds, async () =>
        {
            var (status, body, _) = await api.SendAsync(HttpMethod.Post, "/api/v1/orders", world.AccountToken,
                world.GuideBody());
            if (status == 201)
                created[body.GetProperty("id").GetGuid()] = body.GetProperty("dateCreated").GetDateTimeOffset();
            else Interlocked.Increment(ref failures);
        });
        return (created, failures);
    }

    /// <summary>Starts <paramref name="send"/> at a steady rate for a while, and waits for all of them.</summary>
    public static async Task AtRateAsync(double rate, double seconds, Func<Task> send)
    {
        var interval = TimeSpan.FromSeconds(1 / rate);
        var clock = Stopwatch.StartNew();
        var sends = new List<Task>();
        for (var i = 0; clock.Elapsed.TotalSeconds < seconds; i++)
        {
            var due = interval * i;
            if (due > clock.Elapsed) await Task.Delay(due - clock.Elapsed);
            sends.Add(Task.Run(send));
        }
        await Task.WhenAll(sends);
    }

    private static async Task<List<double>> ValidationLatenciesAsync(Api api, World world, ICollection<Guid> ids)
    {
        var latencies = new ConcurrentBag<double>();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, _) =>
        {
            while (true)
            {
                var (_, order, _) = await api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{id}", world.AccountToken);
                var transitions = order.GetProperty("orderStatusTransitions");
                if (transitions.GetArrayLength() >= 2)
                {
                    latencies.Add((transitions[1].GetProperty("dateCreated").GetDateTimeOffset()
                        - transitions[0].GetProperty("dateCreated").GetDateTimeOffset()).TotalMilliseconds);
                    return;
                }
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Order {id} was not validated within 120 s.");
                await Task.Delay(20);
            }
        });
        return [.. latencies];
    }

    /// <summary>
    /// Waits until no order is waiting for validation and no mail for sending: each measurement starts in a steady
    /// state, not behind the queue the one before left.
    /// </summary>
    public static async Task BacklogDrainedAsync(Api api, World world)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        foreach (var waiting in new[] { "/api/v1/orders?status=PendingValidation&limit=1",
                     "/api/v1/mail-messages?status=Waiting&limit=1" })
            while ((await api.SendAsync(HttpMethod.Get, waiting, world.AdminToken)).Body.GetProperty("items")
                   .GetArrayLength() > 0)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"Still waiting after 5 minutes: {waiting}.");
                await Task.Delay(200);
            }
    }

    public static double Percentile(IReadOnlyCollection<double> values, double percentile)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Length - 1)], 1);
    }

    /// <summary>The mean of a Prometheus histogram between two scrapes: Δsum / Δcount.</summary>
    private static double? MeterMean(string before, string after, string name)
    {
        var count = Metrics.Sum(after, name + "_count") - Metrics.Sum(before, name + "_count");
        return count > 0
            ? Math.Round((Metrics.Sum(after, name + "_sum") - Metrics.Sum(before, name + "_sum")) / count, 1)
            : null;
    }
}
