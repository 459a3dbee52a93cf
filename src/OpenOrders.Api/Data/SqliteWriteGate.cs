using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace OpenOrders.Api.Data;

/// <summary>
/// SQLite lets one connection write at a time. The others get SQLITE_BUSY, and Microsoft.Data.Sqlite retries them
/// after a blocking sleep, which under load took much of the thread time and most of every latency tail
/// (docs/decisions/0005). This gate queues the process's writers instead, asynchronously and in arrival order: a
/// transaction (all of ours are BEGIN IMMEDIATE, so they take SQLite's write lock at once anyway), a SaveChanges
/// outside one, and an ExecuteUpdate/ExecuteDelete outside one each wait their turn. Reads are not gated (WAL).
/// Other processes on the same file still meet SQLite's own lock and its retries.
/// </summary>
public sealed class SqliteWriteGate : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor,
    IDbConnectionInterceptor
{
    /// <summary>
    /// As long as a command may wait for SQLite's own lock; a writer stuck longer is a bug, not load.
    /// </summary>
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    private readonly SemaphoreSlim turn = new(1, 1);
    private readonly ConditionalWeakTable<DbContext, Holder> holders = new();

    /// <summary>No writer holds the turn (for tests and diagnostics).</summary>
    public bool IsFree => turn.CurrentCount == 1;

    private enum Hold { None, SaveChanges, Transaction, Command }

    private sealed class Holder
    {
        public Hold Hold;
    }

    // Who holds the turn and since when, named in the timeout so a stuck writer can be found.
    private Hold heldBy;
    private long heldSince;

    private async ValueTask EnterAsync(DbContext? context, Hold hold, CancellationToken ct)
    {
        if (context is null || Of(context).Hold != Hold.None) return;
        if (!await turn.WaitAsync(MaxWait, ct)) throw TimedOut();
        Took(context, hold);
    }

    private void Enter(DbContext? context, Hold hold)
    {
        if (context is null || Of(context).Hold != Hold.None) return;
        if (!turn.Wait(MaxWait)) throw TimedOut();
        Took(context, hold);
    }

    /// <summary>
    /// Only the step that took the turn gives it back; closing the connection always does (a safety net).
    /// </summary>
    private void Exit(DbContext? context, Hold? hold)
    {
        if (context is null || !holders.TryGetValue(context, out var holder) || holder.Hold == Hold.None) return;
        if (hold is not null && holder.Hold != hold) return;
        holder.Hold = Hold.None;
        turn.Release();
    }

    private Task Exited(DbContext? context, Hold? hold)
    {
        Exit(context, hold);
        return Task.CompletedTask;
    }

    private void Took(DbContext context, Hold hold)
    {
        Of(context).Hold = hold;
        (heldBy, heldSince) = (hold, Environment.TickCount64);
    }

    private Holder Of(DbContext context) => holders.GetValue(context, _ => new Holder());

    private TimeoutException TimedOut() =>
        new($"Waited more than {MaxWait.TotalSeconds:0} s for another SQLite writer in this process to finish " +
            $"(a {heldBy} has held the turn for {(Environment.TickCount64 - heldSince) / 1000.0:0.0} s).");

    private static bool Outside(DbCommand command) => command.Transaction is null;

    // Transactions. The gate begins them itself: EF reports no end for a BEGIN that fails (SQLITE_BUSY while another
    // process holds the file longer than the busy timeout) and leaves open the connection it opened for it, so a
    // pooled context never closed it again: the turn was never given back and every writer of the process timed out
    // from then on. So a failed BEGIN gives the turn back and closes what EF opened for it.
    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result,
        CancellationToken ct = default)
    {
        await EnterAsync(eventData.Context, Hold.Transaction, ct);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(
                await connection.BeginTransactionAsync(eventData.IsolationLevel, ct));
        }
        catch
        {
            Exit(eventData.Context, Hold.Transaction);
            if (eventData.Context is { } context) await context.Database.CloseConnectionAsync();
            throw;
        }
    }

    public InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        Enter(eventData.Context, Hold.Transaction);
        try
        {
            return InterceptionResult<DbTransaction>.SuppressWithResult(
                connection.BeginTransaction(eventData.IsolationLevel));
        }
        catch
        {
            Exit(eventData.Context, Hold.Transaction);
            eventData.Context?.Database.CloseConnection();
            throw;
        }
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(eventData.Context, Hold.Transaction);

    public Task TransactionCommittedAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.Transaction);

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Exit(eventData.Context, Hold.Transaction);

    public Task TransactionRolledBackAsync(
        DbTransaction transaction, TransactionEndEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.Transaction);

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) =>
        Exit(eventData.Context, Hold.Transaction);

    public Task TransactionFailedAsync(
        DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.Transaction);

    // SaveChanges outside a transaction (EF may or may not open one of its own: either way this holds the turn).
    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (eventData.Context?.Database.CurrentTransaction is null)
            await EnterAsync(eventData.Context, Hold.SaveChanges, ct);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context?.Database.CurrentTransaction is null) Enter(eventData.Context, Hold.SaveChanges);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Exit(eventData.Context, Hold.SaveChanges);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(
        SaveChangesCompletedEventData eventData, int result, CancellationToken ct = default)
    {
        Exit(eventData.Context, Hold.SaveChanges);
        return ValueTask.FromResult(result);
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Exit(eventData.Context, Hold.SaveChanges);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.SaveChanges);

    public void SaveChangesCanceled(DbContextEventData eventData) => Exit(eventData.Context, Hold.SaveChanges);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.SaveChanges);

    // ExecuteUpdate/ExecuteDelete and raw statements outside a transaction.
    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        if (Outside(command)) await EnterAsync(eventData.Context, Hold.Command, ct);
        return result;
    }

    public InterceptionResult<int> NonQueryExecuting(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (Outside(command)) Enter(eventData.Context, Hold.Command);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Exit(eventData.Context, Hold.Command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken ct = default)
    {
        Exit(eventData.Context, Hold.Command);
        return ValueTask.FromResult(result);
    }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) =>
        Exit(eventData.Context, Hold.Command);

    public Task CommandFailedAsync(
        DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.Command);

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) =>
        Exit(eventData.Context, Hold.Command);

    public Task CommandCanceledAsync(
        DbCommand command, CommandEndEventData eventData, CancellationToken ct = default) =>
        Exited(eventData.Context, Hold.Command);

    // The safety net: a transaction disposed without commit or rollback still ends with its connection closing.
    public void ConnectionClosed(DbConnection connection, ConnectionEndEventData eventData) =>
        Exit(eventData.Context, null);

    public Task ConnectionClosedAsync(DbConnection connection, ConnectionEndEventData eventData) =>
        Exited(eventData.Context, null);
}
