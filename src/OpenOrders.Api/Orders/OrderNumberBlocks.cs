using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Hands out order numbers from blocks of the sequence this instance reserved (one short commit per block), so a
/// request knows its number before its order is queued and the group commit does nothing but write. Numbers of a
/// block an instance did not use before it stopped are never used; with 90 million numbers that costs nothing.
/// </summary>
public sealed class OrderNumberBlocks(IServiceScopeFactory scopes)
{
    public const int BlockSize = 200;

    private readonly SemaphoreSlim reserving = new(1, 1);
    private readonly object gate = new();
    private long next, end;

    public async Task<int> NextAsync(CancellationToken ct)
    {
        while (true)
        {
            lock (gate)
                if (next < end) return OrderNumbers.ForSequence(next++);
            await reserving.WaitAsync(ct);
            try
            {
                lock (gate)
                    if (next < end) continue; // another request reserved a block meanwhile
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
                // Not the request's token: a block half-reserved must still be recorded as taken. In a transaction
                // of its own, so on SQLite it takes its turn at the write gate like every other writer.
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                var last = await db.TakeAsync(Counter.OrderNumber, BlockSize, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
                lock (gate) (next, end) = (last - BlockSize, last);
            }
            finally
            {
                reserving.Release();
            }
        }
    }
}
