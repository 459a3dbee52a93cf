using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Tests.Service;

/// <summary>
/// The service's statements are prepared per connection (Max Auto Prepare), so PostgreSQL may plan one once, while
/// its table is empty, and keep that plan as the table grows. A lease must stay a lease of at most its bound under
/// any plan the planner can pick.
/// </summary>
public sealed class LeasePlanTests
{
    [Fact]
    public async Task A_lease_planned_while_its_queue_was_empty_still_takes_no_more_than_its_bound()
    {
        var server = await PostgresServer.Instance;
        // One connection (no pool) that plans every prepared statement generically at once, as PostgreSQL may
        // choose to after five runs.
        var connection = DataSetup.Tuned(await server.CreateDatabaseAsync() +
            ";Pooling=false;Options=-c plan_cache_mode=force_generic_plan");
        await using var db = new PostgresOrdersDbContext(
            new DbContextOptionsBuilder<PostgresOrdersDbContext>().UseNpgsql(connection).Options);
        await db.Database.MigrateAsync();
        await db.Database.OpenConnectionAsync();
        // The statistics of an empty queue, as autovacuum takes them on a new installation.
        await db.Database.ExecuteSqlRawAsync("ANALYZE \"WebhookDeliveries\"");
        var now = DateTimeOffset.UtcNow;
        Task<List<Guid>> Lease() =>
            WebhookDispatcher.LeaseAsync(db, "planned-empty", 64, now, TimeSpan.FromMinutes(1), CancellationToken.None);
        for (var run = 0; run < 6; run++) // Npgsql prepares a statement on its fifth use
            Assert.Empty(await Lease());

        // Due in the order they were written, as deliveries are.
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "WebhookDeliveries" ("Id", "SubscriptionId", "WebhookId", "ChangePosition", "OrderId",
                "ModifiedFields", "Status", "Attempts", "DueAt", "DateCreated", "EventDate")
            SELECT gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), i, gen_random_uuid(), '{{}}', 'Pending', 0,
                {0} - interval '1 minute' + i * interval '1 ms', {0}, {0}
            FROM generate_series(1, 3000) AS i
            """, now);
        var leased = await Lease();

        Assert.Equal(64, leased.Count);
        Assert.Equal(64, await db.WebhookDeliveries.CountAsync(d => d.LeaseOwner == "planned-empty"));
    }
}
