using OpenOrders.Api.Data;

namespace OpenOrders.Api.Validation;

/// <summary>
/// Leases due validation jobs. On PostgreSQL with <c>FOR UPDATE SKIP LOCKED</c>, so instances share the work
/// without waiting on each other; on SQLite (one instance) with a conditional update. Either way a job whose
/// lease has not expired is never handed out twice, and a dead job not at all.
/// </summary>
public sealed class ValidationQueue(OrdersDbContext db)
{
    /// <summary>A dead job is not leased; each lease counts an attempt.</summary>
    public static readonly LeaseQuery<ValidationJob> Jobs = new(nameof(ValidationJob.OrderId),
        "\"DateDead\" IS NULL", j => j.DateDead == null,
        "\"Attempts\" = \"Attempts\" + 1", s => s.SetProperty(j => j.Attempts, j => j.Attempts + 1));

    public Task<List<Guid>> LeaseAsync(string owner, int max, DateTimeOffset now, TimeSpan lease,
        CancellationToken ct) =>
        db.LeaseAsync(Jobs, owner, max, now, lease, ct);
}
