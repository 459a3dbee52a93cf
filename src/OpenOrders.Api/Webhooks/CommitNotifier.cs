using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Wakes the webhook worker after every commit, so the first attempt follows the change within milliseconds
/// rather than at the next poll. Covers SaveChanges without a transaction and explicit transactions alike.
/// </summary>
public sealed class CommitNotifier(DeliverySignal signal) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) signal.Notify();
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) signal.Notify();
        return result;
    }
}

public sealed class TransactionCommitNotifier(DeliverySignal signal) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        signal.Notify();
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        signal.Notify();
}
