using System.Collections.Concurrent;
using Npgsql;

namespace OpenOrders.Bench;

public sealed record CrashOptions(string ServiceDll, string ConnectionString, int Instances, int Kills,
    TimeSpan Duration, string LogDirectory)
{
    public static CrashOptions From(Options o) => new(
        o.Get("service-dll"), o.Get("connection"), o.Int("instances", 2), o.Int("kills", 5),
        TimeSpan.FromSeconds(o.Double("seconds", 60)),
        o.Get("logs", Path.Combine(Path.GetTempPath(), "openorders-crash")));
}

public sealed record CrashReport(
    int OrdersAcknowledged, int OrdersMissing, int TransitionsAcknowledged, int TransitionsMissing,
    int UpdatesAcknowledged, int UpdatesLost, int OrdersValidatedTwice, int OrdersNotValidated, int EventsNotFannedOut,
    int DeliveriesNotDelivered, int DeliveriesNeverReceived, int WebhooksReceived, int WebhooksUnverifiable, int Kills,
    IReadOnlyDictionary<string, int> ValidatedByInstance, IReadOnlyDictionary<string, int> DeliveredByInstance)
{
    /// <summary>Acknowledged acceptances whose order has no mail to its student in the outbox.</summary>
    public int MailsMissing { get; init; }

    /// <summary>Mails in the outbox not sent after everything settled.</summary>
    public int MailsNotSent { get; init; }

    /// <summary>Mails the outbox records as sent that the SMTP server never accepted (by Message-ID).</summary>
    public int MailsNeverReceived { get; init; }
    public int MailsReceived { get; init; }

    /// <summary>
    /// Messages the server got more than once (same Message-ID): allowed after a kill, at least once.
    /// </summary>
    public int MailsReceivedTwice { get; init; }

    public string Describe() => string.Join(Environment.NewLine,
    [
        $"orders acknowledged      {OrdersAcknowledged,6}   missing {OrdersMissing}",
        $"transitions acknowledged {TransitionsAcknowledged,6}   missing {TransitionsMissing}",
        $"updates acknowledged     {UpdatesAcknowledged,6}   lost {UpdatesLost}",
        $"validated twice          {OrdersValidatedTwice,6}   never validated {OrdersNotValidated}",
        $"events not fanned out    {EventsNotFannedOut,6}   deliveries not delivered {DeliveriesNotDelivered}" +
            $"   never received {DeliveriesNeverReceived}",
        $"webhooks received        {WebhooksReceived,6}   unverifiable {WebhooksUnverifiable}",
        $"mails received           {MailsReceived,6}   missing {MailsMissing}   not sent {MailsNotSent}" +
            $"   never received {MailsNeverReceived}   received twice {MailsReceivedTwice}",
        $"kills                    {Kills,6}",
        $"validated by instance    {string.Join(", ", ValidatedByInstance.Select(v => $"{v.Key}: {v.Value}"))}" +
            " (all its runs, each counted up to its kill)",
        $"delivered by instance    {string.Join(", ", DeliveredByInstance.Select(v => $"{v.Key}: {v.Value}"))}" +
            " (all its runs, each counted up to its kill)",
        Passed ? "PASSED" : "FAILED",
    ]);

    public bool Passed => OrdersMissing == 0 && TransitionsMissing == 0 && UpdatesLost == 0 && OrdersValidatedTwice == 0
                          && OrdersNotValidated == 0 && EventsNotFannedOut == 0 && DeliveriesNotDelivered == 0
                          && DeliveriesNeverReceived == 0 && WebhooksUnverifiable == 0
                          && MailsMissing == 0 && MailsNotSent == 0 && MailsNeverReceived == 0;
}

/// <summary>
/// Mixed load (create, accept, update, with a subscribed receiver) against one or more service instances on one
/// PostgreSQL database, killing instances with SIGKILL at random moments and restarting them. Then it proves,
/// from the database and the receiver, that nothing acknowledged was lost, nothing was validated twice, and
/// every event reached the receiver with a signature it could verify.
/// </summary>
public static class CrashTest
{
    public static async Task<CrashReport> RunAsync(CrashOptions options, TextWriter log)
    {
        Directory.CreateDirectory(options.LogDirectory);
        // Every acceptance mails its student: the mail goes to a real SMTP server on loopback, counted there.
        await using var mailSink = await MailSink.StartAsync();
        // Short leases, so work held by a killed instance is taken over within seconds.
        var settings = new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres", ["ConnectionStrings__Orders"] = options.ConnectionString,
            ["Workers__LeaseDuration"] = "00:00:04", ["Webhooks__AttemptTimeout"] = "00:00:03",
            ["Mail__Smtp__Host"] = "127.0.0.1", ["Mail__Smtp__Port"] = mailSink.Port.ToString(),
            ["Mail__Smtp__Timeout"] = "00:00:03",
        };
        var instances = Enumerable.Range(0, options.Instances)
            .Select(i => new ServiceProcess(options.ServiceDll, settings, $"instance-{i}", options.LogDirectory))
            .ToList();
        try
        {
            // One at a time: both would migrate the same empty database at once otherwise (the migration lock copes,
            // but slowly).
            foreach (var instance in instances) await instance.StartAsync();
            var apis = instances.Select(i => new Api(i.Url)).ToList();
            var world = await World.CreateAsync(apis[0], ServiceProcess.AdminId, ServiceProcess.AdminSecret);
            await using var receiver = await Receiver.StartAsync();
            var subscriptions = new List<Guid>();
            foreach (var webhook in new[] { "6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0001",
                         "6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0002", "6f1d2a0e-1b7c-4c1e-9a51-0d3c2b1a0003" })
            {
                var subscription = await apis[0].CreateAsync("/api/v1/webhook-subscriptions", world.ProviderToken,
                    new { webhookId = webhook, callbackUrl = receiver.Url });
                receiver.AddSecret(subscription.GetProperty("sharedSecret").GetString()!);
                subscriptions.Add(subscription.GetProperty("id").GetGuid());
            }

            var load = new Load(apis, world);
            var work = new WorkTally();
            using var stop = new CancellationTokenSource();
            var workers = Enumerable.Range(0, 4).Select(i => Task.Run(() => load.RunAsync(i, stop.Token))).ToList();
            // The load goes on until the duration has passed and every kill (with its restart) is done.
            var killing = KillAtRandomAsync(instances, options, work, log);
            await Task.WhenAll(Task.Delay(options.Duration), killing);
            await stop.CancelAsync();
            var kills = await killing;
            await Task.WhenAll(workers);
            log.WriteLine($"load done: {load.Created.Count} orders, {load.Transitions.Count} transitions, " +
                $"{load.Updates.Values.Count(u => u.Acknowledged is not null)} updates acknowledged; {kills} kills");

            foreach (var instance in instances.Where(i => i.ProcessId is null)) await instance.StartAsync();
            await WaitUntilSettledAsync(options.ConnectionString, subscriptions, TimeSpan.FromSeconds(120));
            var received = receiver.Received;
            foreach (var instance in instances) await work.AddAsync(instance);
            var report = await VerifyAsync(options.ConnectionString, load, subscriptions, received, kills) with
            {
                ValidatedByInstance = work.Validated, DeliveredByInstance = work.Delivered,
            };
            return await VerifyMailAsync(options.ConnectionString, load, mailSink.Received, report);
        }
        finally
        {
            foreach (var instance in instances) instance.Dispose();
        }
    }

    private static async Task<int> KillAtRandomAsync(List<ServiceProcess> instances, CrashOptions options,
        WorkTally work, TextWriter log)
    {
        var kills = 0;
        var gap = options.Duration / (options.Kills + 1);
        for (var k = 0; k < options.Kills; k++)
        {
            await Task.Delay(gap * (0.5 + Random.Shared.NextDouble()));
            var victim = instances[Random.Shared.Next(instances.Count)];
            try
            {
                await work.AddAsync(victim);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                log.WriteLine($"could not read {victim.Url}'s meters before the kill: {e.Message}");
            }
            victim.Kill();
            kills++;
            log.WriteLine($"kill -9 {victim.Url} ({kills})");
            await victim.StartAsync();
        }
        return kills;
    }

    private static async Task WaitUntilSettledAsync(string connectionString, List<Guid> subscriptions, TimeSpan timeout)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var pending = await ScalarAsync(db, """
                SELECT (SELECT count(*) FROM "ValidationJobs")
                     + (SELECT count(*) FROM "OrderChanges" WHERE "FeedPosition" IS NULL)
                     + (SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" = 'Pending' AND "SubscriptionId" = ANY(@s))
                     + (SELECT count(*) FROM "MailMessages" WHERE "Status" = 'Waiting')
                """, ("s", subscriptions.ToArray()));
            if (pending == 0) return;
            if (DateTime.UtcNow > deadline) return; // verification reports what is still open
            await Task.Delay(200);
        }
    }

    private static async Task<CrashReport> VerifyAsync(string connectionString, Load load, List<Guid> subscriptions,
        IReadOnlyList<ReceivedWebhook> received, int kills)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var orderIds = load.Created.Keys.ToArray();
        var ordersFound = await ScalarAsync(db, """SELECT count(*) FROM "Orders" WHERE "Id" = ANY(@ids)""",
            ("ids", orderIds));
        var transitionsFound = await ScalarAsync(db,
            """SELECT count(*) FROM "OrderStatusTransitions" WHERE "Id" = ANY(@ids)""",
            ("ids", load.Transitions.Keys.ToArray()));
        var validatedTwice = await ScalarAsync(db, """
            SELECT count(*) FROM (
                SELECT "OrderId" FROM "OrderStatusTransitions"
                WHERE "FromStatus" = 'PendingValidation' AND "OrderId" = ANY(@ids)
                GROUP BY "OrderId" HAVING count(*) > 1) twice
            """, ("ids", orderIds));
        var notValidated = await ScalarAsync(db,
            """SELECT count(*) FROM "Orders" WHERE "Status" = 'PendingValidation' AND "Id" = ANY(@ids)""",
            ("ids", orderIds));
        var notFannedOut = await ScalarAsync(db,
            """SELECT count(*) FROM "OrderChanges" WHERE "FeedPosition" IS NULL""");
        var notDelivered = await ScalarAsync(db,
            """SELECT count(*) FROM "WebhookDeliveries" WHERE "Status" <> 'Delivered' AND "SubscriptionId" = ANY(@s)""",
            ("s", subscriptions.ToArray()));

        var stored = new Dictionary<Guid, string?>();
        await using (var command = new NpgsqlCommand(
            """SELECT "Id", "PurchaseOrderReference" FROM "Orders" WHERE "Id" = ANY(@ids)""", db))
        {
            command.Parameters.AddWithValue("ids", load.Updates.Keys.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                stored[reader.GetGuid(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        // The stored value is the last acknowledged one, or one sent after it whose answer was lost in a kill.
        var updatesLost = load.Updates.Count(u => !stored.TryGetValue(u.Key, out var value)
            || !u.Value.AcceptableFinalValues().Contains(value));

        var deliveryIds = new List<Guid>();
        await using (var command = new NpgsqlCommand(
            """SELECT "Id" FROM "WebhookDeliveries" WHERE "SubscriptionId" = ANY(@s)""", db))
        {
            command.Parameters.AddWithValue("s", subscriptions.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) deliveryIds.Add(reader.GetGuid(0));
        }
        var receivedIds = received.Select(r => r.Id).ToHashSet();
        var neverReceived = deliveryIds.Count(id => !receivedIds.Contains("msg_" + id.ToString("N")));

        return new CrashReport(
            load.Created.Count, load.Created.Count - (int)ordersFound, load.Transitions.Count,
            load.Transitions.Count - (int)transitionsFound, load.Updates.Values.Count(u => u.Acknowledged is not null),
            updatesLost, (int)validatedTwice, (int)notValidated, (int)notFannedOut, (int)notDelivered, neverReceived,
            received.Count, received.Count(r => !r.SignatureValid || !r.HashValid), kills,
            new Dictionary<string, int>(), new Dictionary<string, int>());
    }

    /// <summary>
    /// Every acknowledged acceptance has its student's mail in the outbox, every mail was sent, and the SMTP server
    /// accepted each one (by its Message-ID, the outbox row's id).
    /// </summary>
    private static async Task<CrashReport> VerifyMailAsync(string connectionString, Load load,
        IReadOnlyList<ReceivedMail> received, CrashReport report)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var missing = await ScalarAsync(db, """
            SELECT count(DISTINCT t."OrderId") FROM "OrderStatusTransitions" t
            WHERE t."Id" = ANY(@ids) AND t."Status" = 'AcceptedProvider' AND t."FromStatus" = 'PendingProvider'
              AND NOT EXISTS (SELECT 1 FROM "MailMessages" m
                              WHERE m."OrderId" = t."OrderId" AND m."Kind" = 'StudentAccepted')
            """, ("ids", load.Transitions.Keys.ToArray()));
        var notSent = await ScalarAsync(db, """SELECT count(*) FROM "MailMessages" WHERE "Status" <> 'Sent'""");
        var sentIds = new List<Guid>();
        await using (var command = new NpgsqlCommand("""SELECT "Id" FROM "MailMessages" WHERE "Status" = 'Sent'""", db))
        {
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) sentIds.Add(reader.GetGuid(0));
        }
        var receivedIds = received.Select(m => m.MessageId.Split('@')[0]).ToList();
        var arrived = receivedIds.ToHashSet();
        return report with
        {
            MailsMissing = (int)missing, MailsNotSent = (int)notSent,
            MailsNeverReceived = sentIds.Count(id => !arrived.Contains(id.ToString("N"))),
            MailsReceived = received.Count, MailsReceivedTwice = receivedIds.Count - arrived.Count,
        };
    }

    /// <summary>
    /// What each instance did, from its own meters: proof that the instances shared the work. A process's meters die
    /// with it, so a victim is read just before its kill and every instance once more at the end; the sums cover
    /// every run (less what a victim did between its last reading and the kill).
    /// </summary>
    private sealed class WorkTally
    {
        public Dictionary<string, int> Validated { get; } = [];
        public Dictionary<string, int> Delivered { get; } = [];

        public async Task AddAsync(ServiceProcess instance)
        {
            var scrape = await new Api(instance.Url).MetricsAsync();
            Validated[instance.Url] = Validated.GetValueOrDefault(instance.Url)
                + (int)Metrics.Sum(scrape, "openorders_validation_latency_milliseconds_count");
            Delivered[instance.Url] = Delivered.GetValueOrDefault(instance.Url)
                + (int)Metrics.Sum(scrape, "openorders_webhook_attempts_total", "outcome=\"delivered\"");
        }
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection db, string sql,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, db);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>What the clients did and which answers they got.</summary>
    private sealed class Load(List<Api> apis, World world)
    {
        public ConcurrentDictionary<Guid, bool> Created { get; } = new();
        public ConcurrentDictionary<Guid, bool> Transitions { get; } = new();
        public ConcurrentDictionary<Guid, UpdateLog> Updates { get; } = new();

        public async Task RunAsync(int worker, CancellationToken stop)
        {
            var step = 0;
            while (!stop.IsCancellationRequested)
            {
                var api = apis[(worker + step++) % apis.Count];
                try
                {
                    if (step % 3 != 0 || Created.IsEmpty)
                    {
                        var (status, body, _) = await api.SendAsync(HttpMethod.Post, "/api/v1/orders",
                            world.AccountToken, world.GuideBody());
                        if (status == 201) Created[body.GetProperty("id").GetGuid()] = true;
                        continue;
                    }
                    var id = Created.Keys.ElementAt(Random.Shared.Next(Created.Count));
                    var (_, order, etag) = await api.SendAsync(HttpMethod.Get, $"/api/v1/orders/{id}",
                        world.ProviderToken);
                    if (order.ValueKind != System.Text.Json.JsonValueKind.Object) continue;
                    var current = order.GetProperty("status").GetString();
                    if (current == "PendingProvider" && step % 2 == 0)
                    {
                        foreach (var line in order.GetProperty("orderLines").EnumerateArray())
                            await api.SendAsync(HttpMethod.Patch,
                                $"/api/v1/orders/{id}/order-lines/{line.GetProperty("sequenceNumber").GetInt32()}",
                                world.ProviderToken, new { invoiceOnBehalfOfName = "Bench Opleidingen BV",
                                    invoiceOnBehalfOfVatNumber = "NL123456789B01" });
                        var (accepted, transition, _) = await api.SendAsync(HttpMethod.Post,
                            $"/api/v1/orders/{id}/status-transitions", world.ProviderToken,
                            new { status = "AcceptedByProvider" });
                        if (accepted == 201) Transitions[transition.GetProperty("id").GetGuid()] = true;
                    }
                    else if (current is "PendingProvider" or "AcceptedProvider" && etag is not null)
                    {
                        var value = $"PO-{worker}-{step}";
                        var log = Updates.GetOrAdd(id, _ => new UpdateLog());
                        lock (log) log.Sent.Add(value);
                        var (updated, _, _) = await api.SendAsync(HttpMethod.Patch, $"/api/v1/orders/{id}",
                            world.AccountToken, new { purchaseOrderReference = value }, ifMatch: etag,
                            contentType: "application/merge-patch+json");
                        if (updated == 200) lock (log) log.Acknowledge(value);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
                {
                    // The instance was killed under this request: its answer never came, so nothing was acknowledged.
                }
            }
        }
    }

    private sealed class UpdateLog
    {
        public List<string> Sent { get; } = [];
        public string? Acknowledged { get; private set; }
        private int acknowledgedAt = -1;

        public void Acknowledge(string value)
        {
            var index = Sent.IndexOf(value);
            if (index > acknowledgedAt) (Acknowledged, acknowledgedAt) = (value, index);
        }

        public HashSet<string?> AcceptableFinalValues()
        {
            lock (this)
                return acknowledgedAt < 0 ? [null, .. Sent] : [.. Sent.Skip(acknowledgedAt)];
        }
    }
}
