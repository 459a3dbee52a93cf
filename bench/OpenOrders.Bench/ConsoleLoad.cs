using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenOrders.Bench;

/// <summary>
/// The console under load, as a provider's planners use it: with N orders in the database (copies of real ones),
/// U people at once open the inbox and orders from it. Prints p50/p95 per page.
/// </summary>
public static partial class ConsoleLoad
{
    public static async Task RunAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var world = await World.CreateAsync(api, options.Get("admin-id"), options.Get("admin-secret"));
        var total = options.Int("orders", 100_000);
        var users = options.Int("users", 8);
        var seconds = options.Int("seconds", 30);

        // A few real orders of the provider, validated, as the templates of the copies.
        var templates = new List<Guid>();
        for (var i = 0; i < 20; i++)
            templates.Add((await api.CreateAsync("/api/v1/orders", world.AccountToken, world.GuideBody()))
                .GetProperty("id").GetGuid());
        await Latency.BacklogDrainedAsync(api, world);
        var copying = Stopwatch.StartNew();
        var (orders, sample) = await OrderCopies.CopyAsync(options.Get("provider"), options.Get("database"),
            world.ProviderId, templates, total);
        Console.Error.WriteLine($"the provider has {orders} orders, copied in {copying.Elapsed.TotalSeconds:0} s");

        var email = $"planner-{Guid.NewGuid():N}"[..16] + "@bench.test";
        var password = "Bench-password-1";
        var invitation = await api.CreateAsync("/api/v1/people", world.AdminToken,
            new { email, role = "Provider", tenantId = world.ProviderId });
        await ConsoleSession.SetPasswordAsync(api.BaseUrl, invitation.GetProperty("setPasswordLink").GetString()!,
            password);
        // Orders from all over the history: the person opens old ones as well as new.
        var ids = sample.ToArray();

        var sessions = await Task.WhenAll(Enumerable.Range(0, users)
            .Select(_ => ConsoleSession.SignInAsync(api.BaseUrl, email, password)));
        // warm-up, unmeasured
        await LoadAsync(sessions, ids, TimeSpan.FromSeconds(Math.Max(3, seconds / 3)), null, null);
        var inbox = new List<double>();
        var order = new List<double>();
        await LoadAsync(sessions, ids, TimeSpan.FromSeconds(seconds), inbox, order);

        // The lists sorted by other columns than the inbox's own, measured like the inbox (the baseline of this run).
        var sorted = new List<double>();
        await SortedAsync(sessions, TimeSpan.FromSeconds(Math.Max(3, seconds / 3)), null);
        await SortedAsync(sessions, TimeSpan.FromSeconds(seconds), sorted);
        // The export of every order of the provider, read as it streams, the service's memory sampled meanwhile.
        var export = await ExportAsync(sessions[0], options.Int("pid", 0));

        var result = new
        {
            orders, users, seconds,
            inbox_requests = inbox.Count, order_requests = order.Count,
            console_inbox_p50_ms = Percentile(inbox, 50), console_inbox_p95_ms = Percentile(inbox, 95),
            console_order_p50_ms = Percentile(order, 50), console_order_p95_ms = Percentile(order, 95),
            sorted_requests = sorted.Count,
            console_sorted_p50_ms = Percentile(sorted, 50), console_sorted_p95_ms = Percentile(sorted, 95),
            export_rows = export.Rows, export_s = export.Seconds,
            export_rss_before_mb = export.RssBeforeMb, export_rss_peak_mb = export.RssPeakMb,
        };
        var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true });
        await File.WriteAllTextAsync(options.Get("out"), json);
        Console.WriteLine(json);
    }

    /// <summary>Each person alternates: the inbox (where a provider lands), then one order from the history.</summary>
    private static async Task LoadAsync(ConsoleSession[] sessions, string[] ids, TimeSpan duration, List<double>? inbox,
        List<double>? order)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(sessions.Select(async (session, user) =>
        {
            var random = new Random(user);
            while (Stopwatch.GetTimestamp() < until)
            {
                var inboxMs = await session.TimedGetAsync("/console/orders?status=PendingProvider");
                var orderMs = await session.TimedGetAsync($"/console/orders/{ids[random.Next(ids.Length)]}");
                lock (sessions)
                {
                    inbox?.Add(inboxMs);
                    order?.Add(orderMs);
                }
            }
        }));
    }

    /// <summary>
    /// The sorted lists a planner opens: by total, by start date over all orders, by created in one status, by number.
    /// </summary>
    public static readonly string[] SortedLists =
    [
        "/console/orders?status=PendingProvider&sort=Total", "/console/orders?view=all&sort=StartDate&dir=asc",
        "/console/orders?status=Paid&sort=Created&dir=asc", "/console/orders?view=all&sort=OrderNumber&dir=asc",
    ];

    private static async Task SortedAsync(ConsoleSession[] sessions, TimeSpan duration, List<double>? times)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(sessions.Select(async (session, user) =>
        {
            for (var i = user; Stopwatch.GetTimestamp() < until; i++)
            {
                var ms = await session.TimedGetAsync(SortedLists[i % SortedLists.Length]);
                lock (sessions) times?.Add(ms);
            }
        }));
    }

    private sealed record Export(long Rows, double Seconds, double RssBeforeMb, double RssPeakMb);

    private static async Task<Export> ExportAsync(ConsoleSession session, int pid)
    {
        double Rss() => pid == 0 ? double.NaN : File.ReadLines($"/proc/{pid}/status")
            .Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => double.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
                System.Globalization.CultureInfo.InvariantCulture) / 1024).FirstOrDefault();
        var before = Rss();
        var peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Rss());
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
        });
        var start = Stopwatch.GetTimestamp();
        var rows = await session.DownloadLinesAsync("/console/orders/export?view=all") - 1; // less the header
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await sampling.CancelAsync();
        await sampler;
        return new Export(rows, Math.Round(elapsed, 2), Math.Round(before, 1), Math.Round(peak, 1));
    }

    /// <summary>The p-th percentile (nearest rank), rounded to 0.1 ms; NaN for no values.</summary>
    public static double Percentile(List<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        return Math.Round(sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(p / 100 * sorted.Count) - 1)], 1);
    }
}

/// <summary>
/// One person's browser, reduced to what the measurement needs: cookies kept by hand (they are Secure and the bench
/// speaks plain HTTP, as behind a proxy that ends TLS and says so with X-Forwarded-Proto), antiforgery tokens read
/// from the form.
/// </summary>
public sealed partial class ConsoleSession(string baseUrl)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false, UseCookies = false, MaxConnectionsPerServer = 64
    });
    private readonly Dictionary<string, string> cookies = [];

    public static async Task<ConsoleSession> SignInAsync(string baseUrl, string email, string password)
    {
        var session = new ConsoleSession(baseUrl);
        var form = await session.GetTextAsync("/console/sign-in");
        var answer = await session.PostAsync("/console/sign-in", form,
            new() { ["email"] = email, ["password"] = password });
        if (answer != HttpStatusCode.Redirect || !session.cookies.ContainsKey("openorders.console"))
            throw new InvalidOperationException($"Signing in to the console answered {(int)answer}.");
        return session;
    }

    public static async Task SetPasswordAsync(string baseUrl, string link, string password)
    {
        var session = new ConsoleSession(baseUrl);
        var path = new Uri(link).PathAndQuery;
        var form = await session.GetTextAsync(path);
        var fields = new Dictionary<string, string> { ["password"] = password, ["confirmation"] = password };
        foreach (Match hidden in Hidden().Matches(form))
            fields.TryAdd(hidden.Groups[1].Value, WebUtility.HtmlDecode(hidden.Groups[2].Value));
        if (await session.PostAsync(path, form, fields) != HttpStatusCode.Redirect)
            throw new InvalidOperationException("Setting the planner's password failed.");
    }

    public async Task<double> TimedGetAsync(string path)
    {
        var start = Stopwatch.GetTimestamp();
        using var response = await Http.SendAsync(Request(HttpMethod.Get, path));
        await response.Content.ReadAsByteArrayAsync();
        var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        return ms;
    }

    /// <summary>Reads a streamed answer as it comes and counts its lines.</summary>
    public async Task<long> DownloadLinesAsync(string path)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, path),
            HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}.");
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long lines = 0;
        for (int read; (read = await body.ReadAsync(buffer)) > 0;)
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
        return lines;
    }

    private async Task<string> GetTextAsync(string path)
    {
        using var response = await Http.SendAsync(Request(HttpMethod.Get, path));
        Keep(response);
        return await response.Content.ReadAsStringAsync();
    }

    private async Task<HttpStatusCode> PostAsync(string path, string page, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Matches(page).Last().Groups[1].Value);
        var request = Request(HttpMethod.Post, path);
        request.Content = new FormUrlEncodedContent(fields);
        using var response = await Http.SendAsync(request);
        Keep(response);
        return response.StatusCode;
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, baseUrl + path);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        if (cookies.Count > 0)
            request.Headers.TryAddWithoutValidation("Cookie",
                string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
        return request;
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var set)) return;
        foreach (var cookie in set)
        {
            var pair = cookie.Split(';')[0].Split('=', 2);
            cookies[pair[0]] = pair[1];
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("<input type=\"hidden\" name=\"(person|token)\" value=\"([^\"]*)\"")]
    private static partial Regex Hidden();
}
