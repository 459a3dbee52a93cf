using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data;

/// <summary>The embedded default: one file, one instance.</summary>
public sealed class SqliteOrdersDbContext(DbContextOptions<SqliteOrdersDbContext> options) : OrdersDbContext(options)
{
    public override Work.Leasing Leasing => Work.Leasing.OneWriter;

    public override string ProviderName => "SQLite";

    /// <summary>WAL lets readers go on while one writer commits.</summary>
    public override async Task PrepareAsync(CancellationToken ct) =>
        await Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);

    // SQLite names the columns, not the constraint: "UNIQUE constraint failed: Orders.OrderNumber".
    protected override bool HitUnique(DbUpdateException failure, string table, string constraint,
        IReadOnlyList<string> columns) =>
        failure.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 19 } e
        && e.Message.Contains(
            "UNIQUE constraint failed: " + string.Join(", ", columns.Select(c => $"{table}.{c}")) + "'",
            StringComparison.Ordinal);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // Dates are stored as their binary form (below), so "no start date" is written as that form too.
        var noStart = new DateTimeOffsetToBinaryConverter().ConvertToProvider(OrderSelections.NoStartDate);
        var order = modelBuilder.Entity<Order>();
        order.Property<DateTimeOffset>(OrderSelections.StartDateColumn).HasComputedColumnSql(
            $"COALESCE(\"AcceptedStartMomentDate\", \"StartMomentDate\", {noStart})", stored: true);
        order.Property<long>(OrderSelections.TotalCentsColumn)
            .HasComputedColumnSql("CAST(ROUND(\"Total\" * 100) AS INTEGER)", stored: true);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite cannot compare or order DateTimeOffset stored as text; as a long (all our offsets are UTC) it can.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context SqliteOrdersDbContext</c> build the model.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteOrdersDbContext>
{
    public SqliteOrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteOrdersDbContext>().UseSqlite("Data Source=design.db").Options);
}
