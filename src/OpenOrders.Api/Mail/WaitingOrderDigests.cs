using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;
using OpenOrders.Api.People;
using OpenOrders.Api.WebConsole;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Once a day, after <see cref="MailOptions.DigestAt"/> in the marketplace's time zone, each active person who asked
/// for a daily mail gets one when orders wait for their tenant (a provider's <c>PendingProvider</c>, an account's
/// <c>PendingAccount</c>). The mail's once-key (person and day) makes it one mail even when instances race.
/// </summary>
public sealed class WaitingOrderDigests(OrdersDbContext db, MailOutbox outbox, TimeProvider time,
    ConsoleTimeZone zone, IOptionsMonitor<MailOptions> options, ILogger<WaitingOrderDigests> log)
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var local = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone.Zone);
        if (local.TimeOfDay < options.CurrentValue.DigestAt) return 0;
        var day = local.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var people = await db.People.AsNoTracking()
            .Where(p => p.WaitingOrdersMail == MailFrequency.Daily && p.TenantId != null
                && (p.Role == Role.Provider || p.Role == Role.Account)
                && p.PasswordHash != null && p.DateDisabled == null)
            .ToListAsync(ct);
        var keys = people.Select(p => OnceKey(p, day)).ToList();
        var done = (await db.MailMessages.Where(m => m.OnceKey != null && keys.Contains(m.OnceKey))
            .Select(m => m.OnceKey!).ToListAsync(ct)).ToHashSet();

        var written = 0;
        foreach (var person in people.Where(p => !done.Contains(OnceKey(p, day))))
        {
            if (await WaitingAsync(db, person.Role, person.TenantId!.Value, ct) is not { } waiting) continue;
            var text = outbox.TextIn(person.Language);
            await outbox.AddAsync(db, MailKind.WaitingOrdersDigest, person.Email!, null, text,
                MailTemplates.WaitingOrdersDigest(text, waiting, outbox.BaseUrl),
                $"Daily digest of {day}: {waiting.Count} orders in {waiting.Status}", personId: person.Id,
                onceKey: OnceKey(person, day));
            try
            {
                await db.SaveChangesAsync(ct);
                written++;
            }
            catch (DbUpdateException e) when (db.HitUnique<MailMessage>(e, nameof(MailMessage.OnceKey)))
            {
                log.LogDebug("The digest {Key} was written by another instance.", OnceKey(person, day));
                db.ChangeTracker.Clear();
            }
        }
        return written;
    }

    /// <summary>How many orders wait for this tenant, or null when none do.</summary>
    public static async Task<Waiting?> WaitingAsync(OrdersDbContext db, Role role, Guid tenantId, CancellationToken ct)
    {
        var status = role == Role.Provider ? OrderStatus.PendingProvider : OrderStatus.PendingAccount;
        var orders = db.Orders.Where(o => o.Status == status
            && (role == Role.Provider ? o.ProviderId == tenantId : o.AccountId == tenantId));
        var count = await orders.CountAsync(ct);
        if (count == 0) return null;
        var oldest = await orders.OrderBy(o => o.DateCreated).Select(o => o.DateCreated).FirstAsync(ct);
        return new Waiting(status, count, oldest);
    }

    private static string OnceKey(Person person, string day) => $"digest:{person.Id:N}:{day}";
}
