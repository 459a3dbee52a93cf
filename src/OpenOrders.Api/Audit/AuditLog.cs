using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Audit;

/// <summary>Adds audit lines to the caller's unit of work and reads them back, newest first.</summary>
public static class AuditLog
{
    /// <summary>The page size of the admin's audit page.</summary>
    public const int PageSize = 100;

    public static void Record(this OrdersDbContext db, Actor? by, AuditAction action, string subject,
        DateTimeOffset at, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = at, ActorKind = by?.Kind ?? ActorKind.Client,
            ActorId = Cut(by?.Id ?? "the service", AuditEntry.SubjectLength), Action = action,
            Subject = Cut(subject, AuditEntry.SubjectLength),
            Details = details is null ? null : Cut(details, AuditEntry.DetailsLength),
        });

    /// <summary>The newest lines, optionally of one action only.</summary>
    public static Task<List<AuditEntry>> NewestAsync(OrdersDbContext db, AuditAction? action, CancellationToken ct) =>
        db.AuditEntries.AsNoTracking().Where(e => action == null || e.Action == action)
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(PageSize).ToListAsync(ct);

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}
