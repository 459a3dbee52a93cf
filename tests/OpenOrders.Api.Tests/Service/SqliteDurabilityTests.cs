using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Service;

/// <summary>An acknowledged write on SQLite survives a crash of the machine, not only of the process.</summary>
public sealed class SqliteDurabilityTests(ManualSqliteApp app) : IClassFixture<ManualSqliteApp>
{
    [Fact]
    public async Task The_database_runs_in_WAL_mode_and_syncs_every_commit()
    {
        var journal = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync());
        var synchronous = await app.WithDbAsync(db => db.Database
            .SqlQueryRaw<int>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync());

        Assert.Equal("wal", journal);
        Assert.Equal(2, synchronous); // FULL: the WAL is synced at every commit (NORMAL, 1, syncs only at checkpoints)
    }
}
