using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Telemetry;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Work;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>A new order on its way to the database, with what its answer needs.</summary>
public sealed record NewOrderWrite(Order Order, string BaseUrl, IdempotencyClaim? Idempotency);

/// <summary>The request's Idempotency-Key, stored in the same transaction as the order.</summary>
public sealed record IdempotencyClaim(string ClientId, string Key, string RequestHash);

/// <summary>
/// Created (with the answer as it was stored), or the key was already taken by a request that committed first.
/// </summary>
public sealed record NewOrderOutcome(OrderResponse? Response, bool KeyTaken);

/// <summary>The <c>Writes</c> configuration section.</summary>
public sealed class WriteOptions
{
    /// <summary>At most this many orders share one commit.</summary>
    public int MaxGroup { get; set; } = 64;

    /// <summary>Writers committing groups side by side; one is what SQLite wants, PostgreSQL may take more.</summary>
    public int Writers { get; set; } = 1;

    /// <summary>
    /// When fewer than a handful wait, the writer waits this long (on the service's clock) for more before it
    /// commits; zero never waits.
    /// </summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// Group commit for new orders: a writer takes every create that has arrived
/// (up to <see cref="WriteOptions.MaxGroup"/>) and writes them, their validation jobs, changes and idempotency
/// records in one transaction: one round trip and one fsync for the group instead of one each. A request is
/// answered only after the commit that holds its rows.
/// Everything that is not writing (the number, the answer, the stored copy of it) is done by the request before
/// it queues, so the writer only writes. When a group fails (a key another instance stored meanwhile, an order the
/// change tracker refuses), each of its orders is written alone, so one bad order never sinks its neighbours.
/// </summary>
public sealed class OrderWriter(IServiceScopeFactory scopes, OrderNumberBlocks numbers, ValidationSignal signal,
    OrdersMetrics metrics, IOptions<WriteOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
    TimeProvider time, ILogger<OrderWriter> log)
    : BackgroundService
{
    /// <summary>How often the writer removes expired idempotency records, and how soon after a full batch.</summary>
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan BacklogSweepEvery = TimeSpan.FromSeconds(1);

    private DateTimeOffset nextSweep = DateTimeOffset.MinValue;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private int waiting;

    /// <summary>Creates handed to the writer and not answered yet (queued, lingering or being written).</summary>
    public int Waiting => Volatile.Read(ref waiting);

    /// <summary>A create ready to be written: its rows, its answer, and who waits for it.</summary>
    private sealed class Pending(NewOrderWrite write)
    {
        public NewOrderWrite Write { get; } = write;
        public TaskCompletionSource<NewOrderOutcome> Done { get; } =
            new(TaskCreationOptions.RunContinuationsAsynchronously);
        public OrderResponse Response { get; set; } = null!;
        public ValidationJob Job { get; set; } = null!;
        public IdempotencyRecord? Record { get; set; }
    }

    /// <summary>Numbers the order, queues it, and returns once it is committed (or failed).</summary>
    public async Task<NewOrderOutcome> WriteAsync(NewOrderWrite write, CancellationToken ct)
    {
        var pending = new Pending(write);
        Prepare(pending, await numbers.NextAsync(ct));
        // After the writer stopped (a request the server still finishes at shutdown)
        // the request writes its order itself.
        if (!queue.Writer.TryWrite(pending)) return await WriteAloneAsync(pending);
        Interlocked.Increment(ref waiting); // after the write: once counted, a create is where the writer takes it
        try
        {
            // The caller may stop waiting, but the order is written anyway: it may already be in a commit.
            return await pending.Done.Task.WaitAsync(ct);
        }
        finally
        {
            Interlocked.Decrement(ref waiting);
        }
    }

    private void Prepare(Pending pending, int orderNumber)
    {
        var (order, baseUrl, claim) = pending.Write;
        order.OrderNumber = orderNumber;
        foreach (var change in order.Changes) change.Position = 0; // store-generated; a failed group may have set it
        pending.Response = OrderResponse.From(order, baseUrl);
        pending.Job = new ValidationJob
        {
            OrderId = order.Id, DueAt = order.DateCreated, DateCreated = order.DateCreated
        };
        pending.Record = claim is null ? null : new IdempotencyRecord
        {
            ClientId = claim.ClientId, Key = claim.Key, RequestHash = claim.RequestHash, StatusCode = 201,
            Location = Links.Order(baseUrl, order.Id),
            ResponseBody = JsonSerializer.Serialize(pending.Response, json.Value.SerializerOptions),
            DateCreated = order.DateCreated, ExpiresAt = order.DateCreated + Idempotency.KeptFor,
        };
    }

    private async Task<NewOrderOutcome> WriteAloneAsync(Pending pending)
    {
        await CommitAloneAsync(pending);
        signal.Notify();
        return await pending.Done.Task;
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Math.Max(1, options.Value.Writers))
            .Select(_ => Task.Run(WriteLoopAsync, CancellationToken.None)));

    private async Task WriteLoopAsync()
    {
        var settings = options.Value;
        var group = new List<Pending>(settings.MaxGroup);
        // Not stoppingToken: at shutdown the server first finishes its requests,
        // and their orders must still be written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            Take(group, settings.MaxGroup);
            if (group.Count < 4 && settings.Linger > TimeSpan.Zero)
            {
                // On the service's clock, so a test decides what one group holds by moving it.
                await Task.Delay(settings.Linger, time, CancellationToken.None);
                Take(group, settings.MaxGroup);
            }
            if (group.Count > 0)
            {
                await SweepAsync();
                await CommitAsync(group);
            }
            group.Clear();
        }
    }

    /// <summary>
    /// Removes expired idempotency records before a group, at most once a minute. Here rather than in a worker: the
    /// writer is the one place that adds them and it runs on every instance, workers on or off, so the table is swept
    /// exactly while it grows. A batch at a time keeps the group's wait short; a backlog goes a batch a second.
    /// </summary>
    private async Task SweepAsync()
    {
        var now = time.GetUtcNow();
        if (now < nextSweep) return;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var removed = await Idempotency.ForgetExpiredAsync(
                scope.ServiceProvider.GetRequiredService<OrdersDbContext>(), now, CancellationToken.None);
            nextSweep = now + (removed == Idempotency.SweepBatch ? BacklogSweepEvery : SweepEvery);
        }
        catch (Exception e)
        {
            // A sweep never fails a create: the records wait for the next one.
            log.LogWarning(e, "Removing expired idempotency records failed; the next sweep retries.");
            nextSweep = now + SweepEvery;
        }
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    private void Take(List<Pending> group, int max)
    {
        while (group.Count < max && queue.Reader.TryRead(out var item)) group.Add(item);
    }

    private async Task CommitAsync(List<Pending> group)
    {
        // A key that comes twice in one group is checked before the group is written: the repeat goes alone, after.
        var keys = new HashSet<(string, string)>();
        var repeats = group.Where(p => p.Record is { } r && !keys.Add((r.ClientId, r.Key))).ToList();
        if (repeats.Count > 0) group.RemoveAll(repeats.Contains);
        try
        {
            await WriteGroupAsync(group);
            metrics.OrdersCommitted(group.Count);
            foreach (var item in group) item.Done.TrySetResult(new NewOrderOutcome(item.Response, KeyTaken: false));
        }
        catch (Exception e)
        {
            // Whatever failed (the database refusing a row, the change tracker refusing an order), one order may be
            // the cause: each is written alone. When everything fails (the database away), each order fails in turn.
            log.LogDebug(e, "A group of {Count} new orders failed; writing each alone.", group.Count);
            if (group.Count == 1) await CommitAloneAsync(group[0], e); // it failed alone already: do not write it again
            else foreach (var item in group) await CommitAloneAsync(item);
        }
        foreach (var item in repeats) await CommitAloneAsync(item);
        signal.Notify();
    }

    /// <summary>
    /// One order in its own transaction: a key already taken is an answer, any other failure is this order's alone.
    /// <paramref name="failed"/> is the failure of a write of this order alone that was already made.
    /// </summary>
    private async Task CommitAloneAsync(Pending item, Exception? failed = null)
    {
        if (failed is null)
        {
            try
            {
                await WriteGroupAsync([item]);
                metrics.OrdersCommitted(1);
                item.Done.TrySetResult(new NewOrderOutcome(item.Response, KeyTaken: false));
                return;
            }
            catch (Exception thrown)
            {
                failed = thrown;
            }
        }
        if (failed is DbUpdateException e && item.Record is not null)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            if (db.HitUnique<IdempotencyRecord>(e, nameof(IdempotencyRecord.ClientId), nameof(IdempotencyRecord.Key)))
            {
                item.Done.TrySetResult(new NewOrderOutcome(null, KeyTaken: true));
                return;
            }
        }
        item.Done.TrySetException(failed);
    }

    private async Task WriteGroupAsync(IReadOnlyList<Pending> group)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false; // every row is new: nothing to compare
        foreach (var item in group)
        {
            db.Orders.Add(item.Write.Order);
            db.ValidationJobs.Add(item.Job);
            if (item.Record is not null) db.IdempotencyRecords.Add(item.Record);
        }
        // One SaveChanges is one transaction: one batch of inserts, one commit.
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
