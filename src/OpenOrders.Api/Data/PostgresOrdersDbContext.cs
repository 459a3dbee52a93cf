using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Data;

/// <summary>PostgreSQL: for production and for several instances sharing one database.</summary>
public sealed class PostgresOrdersDbContext(DbContextOptions<PostgresOrdersDbContext> options)
    : OrdersDbContext(options)
{
    public override Work.Leasing Leasing => Work.Leasing.SkipLocked;

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
}

/// <summary>Lets <c>dotnet ef migrations add … --context PostgresOrdersDbContext</c> build the model.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresOrdersDbContext>
{
    public PostgresOrdersDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresOrdersDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
