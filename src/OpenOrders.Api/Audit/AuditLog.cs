using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Audit;

/// <summary>Which lines of the audit log to read: one action, and who did it (part of the client id or e-mail).</summary>
public sealed record AuditFilter(AuditAction? Action, string? Actor);

/// <summary>One page of the audit log, newest first, with the cursors of the pages around it.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditCursor? Older, AuditCursor? Newer);

/// <summary>Adds audit lines to the caller's unit of work and reads them back, newest first, a page at a time.</summary>
public static class AuditLog
{
    /// <summary>The page size of the admin's audit page.</summary>
    public const int PageSize = 50;

    public static void Record(this OrdersDbContext db, Actor? by, AuditAction action, string subject,
        DateTimeOffset at, string? details = null) =>
        db.AuditEntries.Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(), At = at, ActorKind = by?.Kind ?? ActorKind.Client,
            ActorId = Cut(by?.Id ?? "the service", AuditEntry.SubjectLength), Action = action,
            Subject = Cut(subject, AuditEntry.SubjectLength),
            Details = details is null ? null : Cut(details, AuditEntry.DetailsLength),
        });

    /// <summary>
    /// A page of lines: the newest, those older than <paramref name="older"/>, or those newer than
    /// <paramref name="newer"/>. Keyset on (when, id), so a line written meanwhile moves no line to another page; many
    /// lines share one instant (an invoice run, a test's clock), so the id breaks the tie.
    /// </summary>
    public static async Task<AuditPage> PageAsync(OrdersDbContext db, AuditFilter filter, AuditCursor? older,
        AuditCursor? newer, CancellationToken ct)
    {
        var lines = Filtered(db, filter);
        if (newer is { } n)
        {
            var (at, id) = (n.At, n.Id);
            var up = await lines.Where(e => e.At > at || (e.At == at && e.Id.CompareTo(id) > 0))
                .OrderBy(e => e.At).ThenBy(e => e.Id).Take(PageSize + 1).ToListAsync(ct);
            // Fewer than a page newer: this is the newest page (it may have gained lines since).
            if (up.Count <= PageSize) return await PageAsync(db, filter, null, null, ct);
            up.RemoveAt(PageSize);
            up.Reverse();
            return new AuditPage(up, AuditCursor.Of(up[^1]), AuditCursor.Of(up[0]));
        }
        if (older is { } o)
        {
            var (at, id) = (o.At, o.Id);
            lines = lines.Where(e => e.At < at || (e.At == at && e.Id.CompareTo(id) < 0));
        }
        var page = await lines.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(PageSize + 1)
            .ToListAsync(ct);
        var more = page.Count > PageSize;
        if (more) page.RemoveAt(PageSize);
        return new AuditPage(page, more ? AuditCursor.Of(page[^1]) : null,
            older is not null && page.Count > 0 ? AuditCursor.Of(page[0]) : null);
    }

    private static IQueryable<AuditEntry> Filtered(OrdersDbContext db, AuditFilter filter)
    {
        var lines = db.AuditEntries.AsNoTracking();
        if (filter.Action is { } action) lines = lines.Where(e => e.Action == action);
        // Lower case on both sides, so both databases match alike (PostgreSQL's comparisons are case-sensitive).
        if (filter.Actor is { Length: > 0 } actor)
        {
            var part = actor.ToLowerInvariant();
            lines = lines.Where(e => e.ActorId.ToLower().Contains(part));
        }
        return lines;
    }

    private static string Cut(string text, int length) => text.Length > length ? text[..length] : text;
}

/// <summary>A position in the audit log: a line's instant and id. URL-safe; null when it is not one of ours.</summary>
public sealed record AuditCursor(DateTimeOffset At, Guid Id)
{
    public static AuditCursor Of(AuditEntry entry) => new(entry.At, entry.Id);

    public override string ToString() => CursorText.Write(At.UtcTicks, Id.ToString("N"));

    public static AuditCursor? Parse(string? text) =>
        text is { Length: <= 100 } && CursorText.Read(text, 2) is { } parts
        && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
        && ticks <= DateTimeOffset.MaxValue.UtcTicks
        && Guid.TryParseExact(parts[1], "N", out var id)
            ? new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id) : null;
}
