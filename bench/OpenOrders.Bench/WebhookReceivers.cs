using System.Diagnostics;

namespace OpenOrders.Bench;

/// <summary>
/// bench/webhooks: the service (Release, SQLite) delivers every new order to healthy receivers that end their
/// connections their own way, while orders come in bursts with pauses around a second between them. Every
/// failed attempt is a false failure: each receiver answers every request it reads with 200.
/// </summary>
public static class WebhookReceivers
{
    private const string OrderCreated = "6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0001";

    /// <summary>
    /// The receiver of the report: Python's ThreadingHTTPServer, HTTP/1.1, reads the body, says "ok"; it writes each
    /// webhook-id to a file.
    /// </summary>
    private const string PythonReceiver = """
        import sys, http.server
        log = open(sys.argv[2], "a", buffering=1)
        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            def do_POST(self):
                self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")
                log.write(self.headers.get("webhook-id", "") + "\n")
            def log_message(self, *args): pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
        """;

    public static async Task<int> RunAsync(Options options)
    {
        var orders = options.Int("orders", 300);
        var logs = options.Get("logs", Path.Combine(Path.GetTempPath(), "openorders-webhooks"));
        Directory.CreateDirectory(logs);
        using var service = new ServiceProcess(options.Get("service-dll"), new Dictionary<string, string>
        {
            ["Database__Provider"] = "Sqlite",
            ["ConnectionStrings__Orders"] = $"Data Source={Path.Combine(logs, $"webhooks-{Guid.NewGuid():N}.db")}",
        }, "service", logs);
        await service.StartAsync();
        var api = new Api(service.Url);
        var world = await World.CreateAsync(api, ServiceProcess.AdminId, ServiceProcess.AdminSecret);

        var raw = new (string Name, RawReceiver Receiver, bool Restarted)[]
        {
            ("closes idle connections after 1 s", RawReceiver.Start(ConnectionEnding.IdleTimeout), false),
            ("Connection: close", RawReceiver.Start(ConnectionEnding.CloseSaid), false),
            ("closes after each answer unsaid", RawReceiver.Start(ConnectionEnding.CloseUnsaid), false),
            ("restarted between deliveries", RawReceiver.Start(ConnectionEnding.KeepAlive), true),
        };
        var script = Path.Combine(logs, "receiver.py");
        await File.WriteAllTextAsync(script, PythonReceiver);
        var pythonPort = FreePort();
        var pythonLog = Path.Combine(logs, $"python-{pythonPort}.log");
        await File.WriteAllTextAsync(pythonLog, "");
        using var python = Process.Start(new ProcessStartInfo("python3", [script, $"{pythonPort}", pythonLog]))!;
        try
        {
            var receivers = raw.Select(r => (r.Name, r.Receiver.Url))
                .Append((Name: "Python ThreadingHTTPServer", Url: $"http://127.0.0.1:{pythonPort}/hooks")).ToList();
            var subscriptions = new List<Guid>();
            foreach (var (_, url) in receivers)
                subscriptions.Add((await api.CreateAsync("/api/v1/webhook-subscriptions", world.ProviderToken,
                    new { webhookId = OrderCreated, callbackUrl = url })).GetProperty("id").GetGuid());

            var created = 0;
            var stopwatch = Stopwatch.StartNew();
            for (var burst = 0; created < orders; burst++)
            {
                var size = Math.Min(orders - created, Random.Shared.Next(1, 9));
                await Task.WhenAll(Enumerable.Range(0, size)
                    .Select(_ => api.CreateAsync("/api/v1/orders", world.AccountToken, world.GuideBody())));
                created += size;
                // Between deliveries: once the burst has arrived, as a deploy or a crash would.
                if (burst % 4 == 3)
                    foreach (var (_, receiver, _) in raw.Where(r => r.Restarted))
                    {
                        await UntilAsync(() => receiver.Received.Count >= created, TimeSpan.FromSeconds(30));
                        await receiver.RestartAsync();
                    }
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 2000)));
            }
            Console.WriteLine($"{created} orders in {stopwatch.Elapsed.TotalSeconds:0} s; waiting for deliveries…");

            // What each receiver got (distinct webhook-ids); a failed delivery is tried again after 5 s, so a minute
            // is enough for every one to arrive.
            int[] Delivered() => [.. raw.Select(r => r.Receiver.Received.Select(q => q.WebhookId).Distinct().Count())
                .Append(File.ReadAllLines(pythonLog).Distinct().Count())];
            await UntilAsync(() => Delivered().All(d => d >= created), TimeSpan.FromSeconds(60));
            var delivered = Delivered();
            var errors = new List<string>[receivers.Count];
            for (var i = 0; i < receivers.Count; i++)
                errors[i] = await FailedAttemptsAsync(api, world, subscriptions[i]);
            var failed = errors.Select(e => e.Count).ToArray();

            Console.WriteLine(
                $"{"receiver",-36} {"delivered",9} {"failed attempts",15} {"requests",8} {"connections",11}");
            for (var i = 0; i < receivers.Count; i++)
            {
                var rawOne = i < raw.Length ? raw[i].Receiver : null;
                Console.WriteLine($"{receivers[i].Name,-36} {delivered[i],9} {failed[i],15} " +
                    $"{rawOne?.Received.Count.ToString() ?? "-",8} {rawOne?.Connections.ToString() ?? "-",11}");
                foreach (var error in errors[i].GroupBy(e => e).OrderByDescending(g => g.Count()))
                    Console.WriteLine($"    {error.Count()} × {error.Key}");
            }
            var sizes = raw.SelectMany(r => r.Receiver.Received).Select(r => r.BodyLength).Order().ToList();
            Console.WriteLine($"request bodies: median {sizes[sizes.Count / 2]} bytes, largest {sizes[^1]}");
            var passed = failed.All(f => f == 0) && delivered.All(d => d >= created);
            Console.WriteLine(passed ? "PASSED" : "FAILED");
            return passed ? 0 : 1;
        }
        finally
        {
            python.Kill();
            foreach (var (_, receiver, _) in raw) await receiver.DisposeAsync();
        }
    }

    /// <summary>The errors of the failed attempts (at most 500), from the service's own delivery log.</summary>
    private static async Task<List<string>> FailedAttemptsAsync(Api api, World world, Guid subscription)
    {
        var path = $"/api/v1/webhook-subscriptions/{subscription}/deliveries?failedAttempts=true&limit=500";
        return [.. (await api.GetJsonAsync(path, world.ProviderToken)).GetProperty("items").EnumerateArray()
            .Select(a => a.GetProperty("error").GetString() ?? $"HTTP {a.GetProperty("statusCode")}")];
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task UntilAsync(Func<bool> condition, TimeSpan timeout) =>
        UntilAsync(() => Task.FromResult(condition()), timeout);

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition() && DateTime.UtcNow < deadline) await Task.Delay(200);
    }
}
