using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data;

/// <summary>PostgreSQL: for production and for several instances sharing one database.</summary>
public sealed class PostgresOrdersDbContext(DbContextOptions<PostgresOrdersDbContext> options)
    : OrdersDbContext(options)
{
    public override string ProviderName => "PostgreSQL";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        var order = modelBuilder.Entity<Order>();
        order.Property<DateTimeOffset>(OrderSelections.StartDateColumn).HasComputedColumnSql(
            "COALESCE(\"AcceptedStartMomentDate\", \"StartMomentDate\", "
            + $"TIMESTAMPTZ '{OrderSelections.NoStartDate:yyyy-MM-dd HH:mm:ss}+00')", stored: true);
        order.Property<long>(OrderSelections.TotalCentsColumn)
            .HasComputedColumnSql("CAST(ROUND(\"Total\" * 100) AS bigint)", stored: true);
    }

    protected override bool HitUnique(DbUpdateException failure, string table, string constraint,
        IReadOnlyList<string> columns) =>
        failure.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation } e
        && e.ConstraintName == constraint;

    // FOR UPDATE SKIP LOCKED: instances share a queue without waiting for each other's rows. The rows are picked
    // in an ARRAY(…) sub-select, which PostgreSQL runs once, before the update. Written as "IN (SELECT …)", a plan
    // made while the queue was empty (prepared statements keep theirs) ran the locking select again for every row
    // of the table and leased all of them, not the bound: 3 000 of 3 000 for a bound of 64 (LeasePlanTests).
    protected override Task<List<Guid>> LeaseAsync<T>(LeaseQuery<T> query, string owner, int max, DateTimeOffset now,
        DateTimeOffset until, CancellationToken ct)
    {
        var entity = Model.FindEntityType(typeof(T))!;
        var (table, key) = (entity.GetTableName(), entity.FindProperty(query.Key)!.GetColumnName());
        var also = query.AlsoSetSql is null ? "" : ", " + query.AlsoSetSql;
        // Names come from the model and the queue's constant condition, never from input; the values are parameters.
        var sql = $$"""
            UPDATE "{{table}}" SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}{{also}}
            WHERE "{{key}}" = ANY (ARRAY(
                SELECT "{{key}}" FROM "{{table}}"
                WHERE "DueAt" <= {2} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {2}) AND {{query.ReadySql}}
                ORDER BY "DueAt" LIMIT {3}
                FOR UPDATE SKIP LOCKED))
            RETURNING "{{key}}" AS "Value"
            """;
        return Database.SqlQueryRaw<Guid>(sql, owner, until, now, max).ToListAsync(ct);
    }
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresOrdersDbContext</c> build the model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOrdersDbContext>
{
    public PostgresOrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOrdersDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
