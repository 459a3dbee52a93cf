using System.Collections.Concurrent;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Failed attempts to prove who one is, counted over a sliding window per name (a client id, a typed e-mail
/// address) from one source address, and per source address. Past either limit, attempts from that source wait
/// out the window, the right secret included, so guessing is slow. The same name from another source is not held
/// up: knowing a client's id or a person's address is not enough to lock them out. Nothing here asks whether the
/// name exists, so the answers cannot tell. Kept per instance (several instances each count their own).
/// </summary>
public abstract class FailedAttempts(TimeProvider time, int perName, int perSource, TimeSpan window)
{
    private readonly ConcurrentDictionary<(string Name, string Source), Queue<DateTimeOffset>> failures = new();

    public TimeSpan Window => window;

    /// <summary>How long to wait, or null when the attempt may be made.</summary>
    public TimeSpan? WaitFor(string name, string source)
    {
        var now = time.GetUtcNow();
        TimeSpan?[] waits = [Wait((name, source), perName, now), Wait(("", source), perSource, now)];
        return waits.Max();
    }

    public void Failed(string name, string source)
    {
        var now = time.GetUtcNow();
        foreach (var key in new[] { (name, source), ("", source) })
        {
            var queue = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (queue)
            {
                Expire(queue, now);
                queue.Enqueue(now);
            }
        }
        // Keys of guessers who went away must not pile up: forget the quiet ones now and then.
        if (failures.Count > 10_000)
            foreach (var (key, queue) in failures)
                lock (queue)
                {
                    Expire(queue, now);
                    if (queue.Count == 0) failures.TryRemove(key, out _);
                }
    }

    /// <summary>The name proved itself from this source: its earlier failures from there are forgiven.</summary>
    public void Succeeded(string name, string source) => failures.TryRemove((name, source), out _);

    private TimeSpan? Wait((string, string) key, int allowed, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var queue)) return null;
        lock (queue)
        {
            Expire(queue, now);
            return queue.Count >= allowed ? queue.Peek() + window - now : null;
        }
    }

    private void Expire(Queue<DateTimeOffset> queue, DateTimeOffset now)
    {
        while (queue.Count > 0 && queue.Peek() <= now - window) queue.Dequeue();
    }
}

/// <summary><c>/oauth/token</c>: 10 wrong secrets a minute for a client id from one address, 30 from an address.</summary>
public sealed class TokenFailures(TimeProvider time)
    : FailedAttempts(time, Allowed, 3 * Allowed, TimeSpan.FromMinutes(1))
{
    public const int Allowed = 10;
}

/// <summary>
/// The console's sign-in: 5 wrong passwords in 5 minutes for an e-mail address from one source, 20 from a source.
/// </summary>
public sealed class SignInFailures(TimeProvider time)
    : FailedAttempts(time, Allowed, 4 * Allowed, TimeSpan.FromMinutes(5))
{
    public const int Allowed = 5;
}
