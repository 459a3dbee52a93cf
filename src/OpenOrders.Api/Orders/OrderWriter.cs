using System.Text.Json;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Validation;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>A new order on its way to the database, with what its answer needs.</summary>
public sealed record NewOrderWrite(Order Order, string BaseUrl, IdempotencyClaim? Idempotency);

/// <summary>The request's Idempotency-Key, stored in the same transaction as the order.</summary>
public sealed record IdempotencyClaim(string ClientId, string Key, string RequestHash);

/// <summary>Created (with the answer as it was stored), or the key was already taken by a request that committed first.</summary>
public sealed record NewOrderOutcome(OrderResponse? Response, bool KeyTaken);

/// <summary>The <c>Writes</c> configuration section.</summary>
public sealed class WriteOptions
{
    /// <summary>At most this many orders share one commit.</summary>
    public int MaxGroup { get; set; } = 64;

    /// <summary>When fewer than a handful wait, the writer waits this long for more before it commits; zero never waits.</summary>
    public TimeSpan Linger { get; set; } = TimeSpan.Zero;
}

/// <summary>
/// Group commit for new orders: one writer per instance takes every create that has arrived (up to
/// <see cref="WriteOptions.MaxGroup"/>) and writes them, their validation jobs, changes and idempotency records in
/// one transaction: one round trip and one fsync for the group instead of one each. A request is answered only
/// after the commit that holds its rows. When the group fails (a key two requests share, a clash with an order
/// number drawn at random before numbers were a sequence), each order is written alone, so one bad order never
/// sinks its neighbours.
/// </summary>
public sealed class OrderWriter(IServiceScopeFactory scopes, ValidationSignal signal, OrdersMetrics metrics,
    IOptions<WriteOptions> options, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<OrderWriter> log)
    : BackgroundService
{
    private const int AloneAttempts = 5;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(NewOrderWrite Write, TaskCompletionSource<NewOrderOutcome> Done);

    /// <summary>Queues the order and returns once it is committed (or failed).</summary>
    public Task<NewOrderOutcome> WriteAsync(NewOrderWrite write, CancellationToken ct)
    {
        var pending = new Pending(write, new TaskCompletionSource<NewOrderOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        // After the writer stopped (a request the server still finishes at shutdown) the request writes its order itself.
        if (!queue.Writer.TryWrite(pending)) return WriteAloneAsync(pending);
        // The caller may stop waiting, but the order is written anyway: it may already be in a commit.
        return pending.Done.Task.WaitAsync(ct);
    }

    private async Task<NewOrderOutcome> WriteAloneAsync(Pending pending)
    {
        await CommitAloneAsync(pending);
        signal.Notify();
        return await pending.Done.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var group = new List<Pending>(settings.MaxGroup);
        // Not stoppingToken: at shutdown the server first finishes its requests, and their orders must still be written.
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            Take(group, settings.MaxGroup);
            if (group.Count < 4 && settings.Linger > TimeSpan.Zero)
            {
                await Task.Delay(settings.Linger, CancellationToken.None); // real time: a test clock must not hold commits
                Take(group, settings.MaxGroup);
            }
            await CommitAsync(group);
            group.Clear();
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
        var repeats = group.Where(p => p.Write.Idempotency is { } c && !keys.Add((c.ClientId, c.Key))).ToList();
        if (repeats.Count > 0) group.RemoveAll(repeats.Contains);
        try
        {
            var outcomes = await WriteGroupAsync(group.Select(p => p.Write).ToList(), skip: 0);
            for (var i = 0; i < group.Count; i++) group[i].Done.TrySetResult(outcomes[i]);
            metrics.OrdersCommitted(group.Count);
        }
        catch (DbUpdateException e)
        {
            log.LogDebug(e, "A group of {Count} new orders failed; writing each alone.", group.Count);
            foreach (var item in group) await CommitAloneAsync(item);
        }
        catch (Exception e)
        {
            foreach (var item in group) item.Done.TrySetException(e);
        }
        foreach (var item in repeats) await CommitAloneAsync(item);
        signal.Notify();
    }

    /// <summary>One order in its own transaction: a key already taken is an answer, a number taken is drawn again.</summary>
    private async Task CommitAloneAsync(Pending item)
    {
        for (int attempt = 1, skip = 0; ; attempt++)
        {
            try
            {
                item.Done.TrySetResult((await WriteGroupAsync([item.Write], skip))[0]);
                metrics.OrdersCommitted(1);
                return;
            }
            catch (DbUpdateException e)
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
                if (item.Write.Idempotency is not null && db.HitUnique<IdempotencyRecord>(e, nameof(IdempotencyRecord.ClientId), nameof(IdempotencyRecord.Key)))
                {
                    item.Done.TrySetResult(new NewOrderOutcome(null, KeyTaken: true));
                    return;
                }
                if (attempt < AloneAttempts && db.HitUnique<Order>(e, nameof(Order.OrderNumber)))
                {
                    // The failed transaction gave the number back; the next try takes it again and passes it by.
                    log.LogInformation("Order number {Number} was taken by an older order; giving the order the next one.", item.Write.Order.OrderNumber);
                    skip++;
                    continue;
                }
                item.Done.TrySetException(e);
                return;
            }
            catch (Exception e)
            {
                item.Done.TrySetException(e);
                return;
            }
        }
    }

    /// <summary>
    /// Numbers the orders from the sequence (passing by <paramref name="skip"/> numbers known to be taken) and writes
    /// them, with their jobs and records, in one transaction.
    /// </summary>
    private async Task<NewOrderOutcome[]> WriteGroupAsync(IReadOnlyList<NewOrderWrite> writes, int skip)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var last = await db.TakeAsync(Counter.OrderNumber, skip + writes.Count, CancellationToken.None);
        var outcomes = new NewOrderOutcome[writes.Count];
        for (var i = 0; i < writes.Count; i++)
        {
            var (order, baseUrl, claim) = writes[i];
            order.OrderNumber = OrderNumbers.ForSequence(last - writes.Count + i);
            foreach (var change in order.Changes) change.Position = 0; // store-generated; a failed group may have set it
            var response = OrderResponse.From(order, baseUrl);
            db.Orders.Add(order);
            db.ValidationJobs.Add(new ValidationJob { OrderId = order.Id, DueAt = order.DateCreated, DateCreated = order.DateCreated });
            if (claim is not null)
                db.IdempotencyRecords.Add(new IdempotencyRecord
                {
                    ClientId = claim.ClientId, Key = claim.Key, RequestHash = claim.RequestHash, StatusCode = 201,
                    Location = Links.Order(baseUrl, order.Id), ResponseBody = JsonSerializer.Serialize(response, json.Value.SerializerOptions),
                    DateCreated = order.DateCreated, ExpiresAt = order.DateCreated + Idempotency.KeptFor,
                });
            outcomes[i] = new NewOrderOutcome(response, KeyTaken: false);
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return outcomes;
    }
}
