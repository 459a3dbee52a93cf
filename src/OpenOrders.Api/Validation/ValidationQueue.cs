using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Validation;

/// <summary>
/// Leases due validation jobs. On PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so instances share the work
/// without waiting on each other; on SQLite (one instance) with a conditional update. Either way a job whose
/// lease has not expired is never handed out twice, and a dead job not at all.
/// </summary>
public sealed class ValidationQueue(OrdersDbContext db)
{
    public async Task<List<Guid>> LeaseAsync(string owner, int max, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        var until = now + lease;
        if (db.IsPostgres)
            return await db.Database.SqlQuery<Guid>($"""
                UPDATE "ValidationJobs" SET "LeaseOwner" = {owner}, "LeaseExpiresAt" = {until}, "Attempts" = "Attempts" + 1
                WHERE "OrderId" IN (
                    SELECT "OrderId" FROM "ValidationJobs"
                    WHERE "DueAt" <= {now} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {now}) AND "DateDead" IS NULL
                    ORDER BY "DueAt" LIMIT {max}
                    FOR UPDATE SKIP LOCKED)
                RETURNING "OrderId" AS "Value"
                """).ToListAsync(ct);

        var due = await db.ValidationJobs.AsNoTracking()
            .Where(j => j.DueAt <= now && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now) && j.DateDead == null)
            .OrderBy(j => j.DueAt).Select(j => j.OrderId).Take(max).ToListAsync(ct);
        if (due.Count == 0) return due;
        // The WHERE repeats the lease check, so a job another writer took in between is skipped.
        await db.ValidationJobs
            .Where(j => due.Contains(j.OrderId) && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseOwner, owner).SetProperty(j => j.LeaseExpiresAt, until)
                .SetProperty(j => j.Attempts, j => j.Attempts + 1), ct);
        return await db.ValidationJobs.AsNoTracking()
            .Where(j => due.Contains(j.OrderId) && j.LeaseOwner == owner && j.LeaseExpiresAt == until)
            .Select(j => j.OrderId).ToListAsync(ct);
    }
}
