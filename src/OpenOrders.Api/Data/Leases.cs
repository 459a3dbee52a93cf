using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace OpenOrders.Api.Data;

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
/// LINQ for SQLite's. <see cref="OrdersDbContext.LeaseAsync{T}"/> does the rest, the same for every queue.
/// </summary>
public sealed record LeaseQuery<T>(
    string Key, string ReadySql, Expression<Func<T, bool>> Ready, string? AlsoSetSql = null,
    Action<UpdateSettersBuilder<T>>? AlsoSet = null)
    where T : class, ILeasable;
