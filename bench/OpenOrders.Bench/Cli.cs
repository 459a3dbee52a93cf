namespace OpenOrders.Bench;

public static class Cli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = Options.Parse(args.Skip(1));
        switch (args.FirstOrDefault())
        {
            case "prepare":
                // A world, N orders to read, and the files wrk needs.
                await Prepare.RunAsync(options);
                return 0;
            case "drain":
                // Waits until no order waits for validation, so the next measurement starts from a steady state.
                var api = new Api(options.Get("api"));
                var admin = await api.TokenAsync(options.Get("admin-id"), options.Get("admin-secret"));
                await Latency.BacklogDrainedAsync(api,
                    new World(Guid.Empty, Guid.Empty, Guid.Empty, admin, admin, admin));
                return 0;
            case "latency":
                await Latency.RunAsync(options);
                return 0;
            case "console":
                // The console's inbox and order page with many orders in the database and several people at once.
                await ConsoleLoad.RunAsync(options);
                return 0;
            case "scale":
                // Grows the database to --orders and measures the lists whose cost could grow with it.
                await ScaleLoad.RunAsync(options);
                return 0;
            case "mailsink":
                // A real SMTP server on --port that logs each accepted message to --log, until it is stopped.
                await MailLoad.SinkAsync(options);
                return 0;
            case "mailprep":
                await MailLoad.PrepareAsync(options);
                return 0;
            case "maillatency":
                await MailLoad.LatencyAsync(options);
                return 0;
            case "mailrate":
                await MailLoad.RateAsync(options);
                return 0;
            case "webhooks":
                // Deliveries to healthy receivers that end their connections their own way: any failure is false.
                return await WebhookReceivers.RunAsync(options);
            case "crash":
                var report = await CrashTest.RunAsync(CrashOptions.From(options), Console.Out);
                Console.WriteLine(report.Describe());
                return report.Passed ? 0 : 1;
            default:
                Console.Error.WriteLine("usage: OpenOrders.Bench " +
                    "prepare|drain|latency|console|scale|crash|webhooks|mailsink|mailprep|maillatency|mailrate " +
                    "--api URL [--admin-id ID --admin-secret SECRET] …");
                return 2;
        }
    }
}

/// <summary>--name value pairs.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(IEnumerable<string> args)
    {
        var list = args.ToList();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < list.Count; i += 2) values[list[i].TrimStart('-')] = list[i + 1];
        return new Options(values);
    }

    public string Get(string name, string? fallback = null) =>
        values.TryGetValue(name, out var v) ? v : fallback ?? throw new ArgumentException($"--{name} is required.");

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v)
        ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture)
        : fallback;
    public double Double(string name, double fallback) => values.TryGetValue(name, out var v)
        ? double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)
        : fallback;
}
