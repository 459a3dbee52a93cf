using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Service;

/// <summary>
/// SQLite writers of one process queue at the gate instead of sleeping on SQLITE_BUSY. Every way a write ends
/// (commit, rollback, a transaction dropped unfinished, a failed statement) gives the turn back.
/// Workers are off, so only the test writes.
/// </summary>
public sealed class SqliteWriteGateTests(ManualSqliteApp app) : IClassFixture<ManualSqliteApp>
{
    private SqliteWriteGate Gate => app.Services.GetRequiredService<SqliteWriteGate>();

    private const string Name = "gate-test";

    [Fact]
    public async Task A_second_writer_waits_for_the_first_transaction_without_blocking_its_thread_and_then_writes()
    {
        await using var first = app.Services.CreateAsyncScope();
        var db = first.ServiceProvider.GetRequiredService<OrdersDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        Assert.False(Gate.IsFree);

        var second = AddCounterAsync(Name + "-queued");
        Assert.False(second.IsCompleted); // waiting at the gate asynchronously, not sleeping inside SQLite

        db.Counters.Add(new Counter { Name = Name + "-first", Value = 1 });
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        await second;

        Assert.True(Gate.IsFree);
        Assert.Equal(2, await app.WithDbAsync(d => d.Counters.CountAsync(c => c.Name == Name + "-first"
            || c.Name == Name + "-queued")));
    }

    [Fact]
    public async Task A_transaction_dropped_without_commit_or_rollback_gives_the_turn_back_and_writes_nothing()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Counters.Add(new Counter { Name = Name + "-dropped", Value = 1 });
            await db.SaveChangesAsync();
        }

        Assert.True(Gate.IsFree);
        Assert.False(await app.WithDbAsync(d => d.Counters.AnyAsync(c => c.Name == Name + "-dropped")));
    }

    [Fact]
    public async Task A_failed_save_and_statements_outside_a_transaction_give_the_turn_back()
    {
        await AddCounterAsync(Name + "-twice");
        await Assert.ThrowsAsync<DbUpdateException>(() => AddCounterAsync(Name + "-twice"));
        Assert.True(Gate.IsFree);

        Assert.Equal(1, await app.WithDbAsync(d => d.Counters.Where(c => c.Name == Name + "-twice")
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, 7))));
        Assert.True(Gate.IsFree);
        Assert.Equal(7, await app.WithDbAsync(d => d.Counters.Where(c => c.Name == Name + "-twice")
            .Select(c => c.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_transaction_that_cannot_begin_because_another_process_holds_the_file_gives_the_turn_back()
    {
        // Another process (here: a connection of its own, outside EF) holds SQLite's write lock longer than our
        // busy timeout, as the bench's bulk copy did: the service's BEGIN IMMEDIATE fails with SQLITE_BUSY.
        await using var other = new SqliteConnection(app.ConnectionString);
        await other.OpenAsync();
        await using (var hold = other.CreateCommand())
        {
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var timeout = connection.DefaultTimeout;
            connection.DefaultTimeout = 1;
            try
            {
                var busy = await Assert.ThrowsAsync<SqliteException>(() => db.Database.BeginTransactionAsync());
                Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY
            }
            finally { connection.DefaultTimeout = timeout; }
            Assert.True(Gate.IsFree);
        }

        await using (var release = other.CreateCommand())
        {
            release.CommandText = "ROLLBACK";
            await release.ExecuteNonQueryAsync();
        }
        await AddCounterAsync(Name + "-after-busy");
        Assert.True(Gate.IsFree);
        // The pooled context that failed is handed out again: its connection was closed, so a transaction dropped on
        // it is still caught by the connection closing.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            await using var dropped = await db.Database.BeginTransactionAsync();
        }
        Assert.True(Gate.IsFree);
        Assert.True(await app.WithDbAsync(d => d.Counters.AnyAsync(c => c.Name == Name + "-after-busy")));
    }

    [Fact]
    public async Task Many_concurrent_writers_all_commit()
    {
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => AddCounterAsync($"{Name}-many-{i}"))));

        Assert.True(Gate.IsFree);
        Assert.Equal(40, await app.WithDbAsync(d => d.Counters.CountAsync(c => c.Name.StartsWith(Name + "-many-"))));
    }

    private async Task AddCounterAsync(string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
        db.Counters.Add(new Counter { Name = name, Value = 1 });
        await db.SaveChangesAsync();
    }
}
