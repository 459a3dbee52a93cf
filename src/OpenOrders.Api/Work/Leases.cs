using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Work;

/// <summary>A row a worker takes for a while: due at a time, and held by one owner until its lease runs out.</summary>
public interface ILeasable
{
    DateTimeOffset DueAt { get; }
    string? LeaseOwner { get; set; }
    DateTimeOffset? LeaseExpiresAt { get; set; }
}

/// <summary>
/// What one queue leases, beside "due and not held": its rows' key (a Guid), the queue's own condition and
/// anything else a lease sets, each written twice side by side, as SQL for PostgreSQL's one-statement lease and as
/// LINQ for SQLite's. <see cref="Leases.TakeAsync{T}"/> does the rest, the same for every queue.
/// </summary>
public sealed record LeaseQuery<T>(
    string Key, string ReadySql, Expression<Func<T, bool>> Ready, string? AlsoSetSql = null,
    Action<UpdateSettersBuilder<T>>? AlsoSet = null)
    where T : class, ILeasable;

public static class Leases
{
    /// <summary>
    /// Leases up to <paramref name="max"/> due rows of a queue to <paramref name="owner"/> until now + lease, oldest
    /// first, and answers their keys. A row whose lease still runs is never handed out twice. How, the database's
    /// context says (<see cref="OrdersDbContext.Leasing"/>).
    /// </summary>
    public static Task<List<Guid>> TakeAsync<T>(OrdersDbContext db, LeaseQuery<T> query, string owner, int max,
        DateTimeOffset now, TimeSpan lease, CancellationToken ct) where T : class, ILeasable =>
        db.Leasing.TakeAsync(db, query, owner, max, now, now + lease, ct);
}

/// <summary>The two ways of leasing: one per database, chosen by its context.</summary>
public abstract class Leasing
{
    /// <summary>Several instances, one statement that skips rows others hold (PostgreSQL).</summary>
    public static readonly Leasing SkipLocked = new SkipLockedLeasing();

    /// <summary>One instance, one writer, three steps (SQLite).</summary>
    public static readonly Leasing OneWriter = new OneWriterLeasing();

    internal abstract Task<List<Guid>> TakeAsync<T>(OrdersDbContext db, LeaseQuery<T> query, string owner, int max,
        DateTimeOffset now, DateTimeOffset until, CancellationToken ct) where T : class, ILeasable;

    // FOR UPDATE SKIP LOCKED: instances share a queue without waiting for each other's rows. The rows are picked
    // in an ARRAY(…) sub-select, which PostgreSQL runs once, before the update. Written as "IN (SELECT …)", a plan
    // made while the queue was empty (prepared statements keep theirs) ran the locking select again for every row
    // of the table and leased all of them, not the bound (LeasePlanTests; decision record 0008).
    private sealed class SkipLockedLeasing : Leasing
    {
        internal override Task<List<Guid>> TakeAsync<T>(OrdersDbContext db, LeaseQuery<T> query, string owner,
            int max, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var (table, key) = (entity.GetTableName(), entity.FindProperty(query.Key)!.GetColumnName());
            var also = query.AlsoSetSql is null ? "" : ", " + query.AlsoSetSql;
            // Names come from the model and the queue's constant condition, never from input; values are parameters.
            var sql = $$"""
                UPDATE "{{table}}" SET "LeaseOwner" = {0}, "LeaseExpiresAt" = {1}{{also}}
                WHERE "{{key}}" = ANY (ARRAY(
                    SELECT "{{key}}" FROM "{{table}}"
                    WHERE "DueAt" <= {2} AND ("LeaseExpiresAt" IS NULL OR "LeaseExpiresAt" < {2})
                        AND {{query.ReadySql}}
                    ORDER BY "DueAt" LIMIT {3}
                    FOR UPDATE SKIP LOCKED))
                RETURNING "{{key}}" AS "Value"
                """;
            return db.Database.SqlQueryRaw<Guid>(sql, owner, until, now, max).ToListAsync(ct);
        }
    }

    // Pick the due keys, take them with a conditional update (the WHERE repeats the lease check, so a row another
    // writer took in between is skipped), and read back what this owner now holds.
    private sealed class OneWriterLeasing : Leasing
    {
        internal override async Task<List<Guid>> TakeAsync<T>(OrdersDbContext db, LeaseQuery<T> query, string owner,
            int max, DateTimeOffset now, DateTimeOffset until, CancellationToken ct)
        {
            var rows = db.Set<T>();
            var due = await rows.AsNoTracking().Where(query.Ready)
                .Where(r => r.DueAt <= now && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now))
                .OrderBy(r => r.DueAt).Select(r => EF.Property<Guid>(r, query.Key)).Take(max).ToListAsync(ct);
            if (due.Count == 0) return due;
            await rows.Where(r => due.Contains(EF.Property<Guid>(r, query.Key))
                    && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now))
                .ExecuteUpdateAsync(s =>
                {
                    s.SetProperty(r => r.LeaseOwner, owner).SetProperty(r => r.LeaseExpiresAt, until);
                    query.AlsoSet?.Invoke(s);
                }, ct);
            return await rows.AsNoTracking().Where(r => due.Contains(EF.Property<Guid>(r, query.Key))
                    && r.LeaseOwner == owner && r.LeaseExpiresAt == until)
                .Select(r => EF.Property<Guid>(r, query.Key)).ToListAsync(ct);
        }
    }
}
