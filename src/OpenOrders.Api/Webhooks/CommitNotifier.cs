using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrders.Api.Webhooks;

/// <summary>
/// Wakes the webhook worker after every commit, so the first attempt follows the change within milliseconds
/// rather than at the next poll, and the mail worker after a commit that wrote mail. Covers SaveChanges without a
/// transaction and explicit transactions alike.
/// </summary>
public sealed class CommitNotifier(DeliverySignal signal, Mail.MailSignal mail) : SaveChangesInterceptor
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
        if (context?.Database.CurrentTransaction is not null) return;
        signal.Notify();
        if (context is Data.OrdersDbContext { MailWritten: true } db)
        {
            db.MailWritten = false;
            mail.Notify();
        }
    }
}

public sealed class TransactionCommitNotifier(DeliverySignal signal, Mail.MailSignal mail) : DbTransactionInterceptor
{
    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData,
        CancellationToken ct = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData)
    {
        signal.Notify();
        if (eventData.Context is Data.OrdersDbContext { MailWritten: true } db)
        {
            db.MailWritten = false;
            mail.Notify();
        }
    }
}
