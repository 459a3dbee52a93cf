using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Work;

/// <summary>
/// Wakes the webhook worker after every commit, so the first attempt follows the change within milliseconds
/// rather than at the next poll, and the mail worker after a commit that wrote mail. Covers SaveChanges without a
/// transaction (<see cref="CommitSignals"/>) and explicit transactions (<see cref="TransactionCommitSignals"/>) alike.
/// </summary>
public sealed class CommitSignals(DeliverySignal delivery, MailSignal mail) : SaveChangesInterceptor
{
    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken ct = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is not null) return; // the transaction's commit tells
        Committed(context, delivery, mail);
    }

    internal static void Committed(DbContext? context, DeliverySignal delivery, MailSignal mail)
    {
        delivery.Notify();
        if (context is OrdersDbContext { MailWritten: true } db)
        {
            db.MailWritten = false;
            mail.Notify();
        }
    }
}

public sealed class TransactionCommitSignals(DeliverySignal delivery, MailSignal mail) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        CommitSignals.Committed(eventData.Context, delivery, mail);
}
