using System.Collections.Concurrent;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Wrong secrets for one client id, and from one address, counted over the last minute: after
/// <see cref="Allowed"/> of either, token requests for that client (or from that address) wait out the minute,
/// the right secret included, so guessing is slow. Kept per instance (several instances each count their own).
/// </summary>
public sealed class TokenFailures(TimeProvider time)
{
    public const int Allowed = 10;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new();

    /// <summary>How long to wait, or null when the request may be tried.</summary>
    public TimeSpan? WaitFor(string clientId, string address)
    {
        var now = time.GetUtcNow();
        var waits = new[] { Wait($"client:{clientId}", now), Wait($"address:{address}", now) }
            .Where(w => w is not null).ToList();
        return waits.Count == 0 ? null : waits.Max();
    }

    public void Failed(string clientId, string address)
    {
        var now = time.GetUtcNow();
        foreach (var key in new[] { $"client:{clientId}", $"address:{address}" })
        {
            var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                Expire(queue, now);
                queue.Enqueue(now);
            }
        }
        // Keys of attackers who went away must not pile up: forget the quiet ones now and then.
        if (failures.Count > 10_000)
            foreach (var (key, queue) in failures)
                lock (queue)
                {
                    Expire(queue, now);
                    if (queue.Count == 0) failures.TryRemove(key, out _);
                }
    }

    private TimeSpan? Wait(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var queue)) return null;
        lock (queue)
        {
            Expire(queue, now);
            return queue.Count >= Allowed ? queue.Peek() + Window - now : null;
        }
    }

    private static void Expire(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() <= now - Window) queue.Dequeue();
    }
}
