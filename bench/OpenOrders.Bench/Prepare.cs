using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>
/// Sets up a world and N orders, and writes what wrk's scripts read: the token, the body, the order ids.
/// </summary>
public static class Prepare
{
    public static async Task RunAsync(Options options)
    {
        var api = new Api(options.Get("api"));
        var output = Directory.CreateDirectory(options.Get("out")).FullName;
        var world = await World.CreateAsync(api, options.Get("admin-id"), options.Get("admin-secret"));
        var count = options.Int("orders", 1000);
        var ids = new System.Collections.Concurrent.ConcurrentBag<Guid>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 16 },
            async (_, _) => ids.Add((await api.CreateAsync("/api/v1/orders", world.AccountToken, world.GuideBody()))
                .GetProperty("id").GetGuid()));

        await File.WriteAllTextAsync(Path.Combine(output, "account.token"), world.AccountToken);
        await File.WriteAllTextAsync(Path.Combine(output, "body.json"), world.GuideBody());
        await File.WriteAllLinesAsync(Path.Combine(output, "order-ids.txt"), ids.Select(i => i.ToString()));
        await File.WriteAllTextAsync(Path.Combine(output, "world.json"), JsonSerializer.Serialize(world));
        Console.WriteLine($"prepared {ids.Count} orders in {output}");
    }
}
