using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.People;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Notifications;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Mail;

/// <summary>
/// Turns committed order changes into rendered mail, which the fan-out writes in the transaction that numbers the
/// changes (so each change gives its mails exactly once, in commit order). <see cref="OrderNotices"/> says which
/// notice a change gives; this says to whom and in which language, and renders them. The order is read as it is
/// now: a mail about an acceptance that was overtaken by a later change shows the order's present start moment.
/// </summary>
public sealed class OrderMails(MailOutbox outbox)
{
    private static readonly ILookup<long, MailMessage> None = Array.Empty<MailMessage>().ToLookup(_ => 0L);

    /// <summary>The mails each change gives, by the change's position; none are added to <paramref name="db"/>.</summary>
    public async Task<ILookup<long, MailMessage>> RenderForAsync(OrdersDbContext db,
        IReadOnlyList<OrderChange> changes, CancellationToken ct)
    {
        // Only moves and changes of the accepted start moment can tell anyone anything: most batches stop here.
        var candidates = changes.Where(c => c.StatusTransitionId is not null
            || c.ModifiedFields.Contains("acceptedStartMomentId")).ToList();
        if (candidates.Count == 0) return None;
        var transitionIds = candidates.Where(c => c.StatusTransitionId is not null)
            .Select(c => c.StatusTransitionId!.Value).ToList();
        var transitions = await db.OrderStatusTransitions.AsNoTracking().Where(t => transitionIds.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, ct);
        var due = candidates
            .Select(c => (Change: c,
                Transition: c.StatusTransitionId is { } id ? transitions.GetValueOrDefault(id) : null))
            .Select(x => (x.Change, x.Transition, Notices: OrderNotices.For(x.Change, x.Transition)))
            .Where(x => x.Notices.Count > 0).ToList();
        if (due.Count == 0) return None;

        var orderIds = due.Select(x => x.Change.OrderId).Distinct().ToList();
        var orders = await db.Orders.AsNoTracking().Where(o => orderIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, ct);
        var accountIds = orders.Values.Select(o => o.AccountId).Distinct().ToList();
        var accounts = await db.Accounts.AsNoTracking().Where(a => accountIds.Contains(a.Id))
            .ToDictionaryAsync(a => a.Id, ct);
        var recipients = await AtOnceRecipientsAsync(db, due.SelectMany(x => x.Notices), orders.Values, ct);
        var waiting = await WaitingForProvidersAsync(db, recipients, ct);

        List<(long Position, MailMessage Mail)> rendered = [];
        foreach (var (change, transition, notices) in due)
        {
            if (!orders.TryGetValue(change.OrderId, out var order)) continue;
            var account = accounts.GetValueOrDefault(order.AccountId);
            foreach (var notice in notices)
                foreach (var mail in await RenderAsync(notice, order, account, transition, recipients, waiting))
                    rendered.Add((change.Position, mail));
        }
        return rendered.ToLookup(r => r.Position, r => r.Mail);
    }

    private async Task<List<MailMessage>> RenderAsync(OrderNotice notice, Order order, Account? account,
        OrderStatusTransition? transition, ILookup<(Role, Guid), Person> people,
        IReadOnlyDictionary<Guid, Waiting> waiting)
    {
        List<MailMessage> written = [];
        var cause = $"Order {order.OrderNumber:D8}: {notice}";
        var accountText = outbox.TextIn(account?.Language);
        var about = MailOrder.From(order);
        if (OrderNotices.IsForStudent(notice))
        {
            if (account is { NotifyStudents: false } || string.IsNullOrWhiteSpace(order.Customer.Email)) return written;
            var content = notice switch
            {
                OrderNotice.StudentAccepted => MailTemplates.StudentAccepted(accountText, about),
                OrderNotice.StudentStartMomentChanged => MailTemplates.StudentStartMomentChanged(accountText, about),
                _ => MailTemplates.StudentOrderEnded(accountText, about, transition!),
            };
            written.Add(await outbox.RenderAsync(Kind(notice), order.Customer.Email, about.Student, accountText,
                content, cause, order.Id));
            return written;
        }
        if (notice == OrderNotice.AccountApprovalWaiting)
        {
            if (!string.IsNullOrWhiteSpace(order.TeamLeaderEmailAddress))
            {
                written.Add(await outbox.RenderAsync(MailKind.AccountApprovalWaiting, order.TeamLeaderEmailAddress,
                    order.TeamLeaderName, accountText,
                    MailTemplates.AccountApprovalWaiting(accountText, about, outbox.BaseUrl, toTeamLeader: true),
                    cause, order.Id));
            }
            foreach (var person in people[(Role.Account, order.AccountId)].Where(p =>
                         !string.Equals(p.Email, order.TeamLeaderEmailAddress, StringComparison.OrdinalIgnoreCase)))
            {
                var text = outbox.TextIn(person.Language);
                written.Add(await outbox.RenderAsync(MailKind.AccountApprovalWaiting, person.Email!, null, text,
                    MailTemplates.AccountApprovalWaiting(text, about, outbox.BaseUrl, toTeamLeader: false), cause,
                    order.Id, person.Id));
            }
            return written;
        }
        if (order.ProviderId is not { } providerId || !waiting.TryGetValue(providerId, out var count)) return written;
        foreach (var person in people[(Role.Provider, providerId)])
        {
            var text = outbox.TextIn(person.Language);
            written.Add(await outbox.RenderAsync(MailKind.ProviderOrderWaiting, person.Email!, null, text,
                MailTemplates.ProviderOrderWaiting(text, about, count, outbox.BaseUrl), cause, order.Id, person.Id));
        }
        return written;
    }

    private static MailKind Kind(OrderNotice notice) => notice switch
    {
        OrderNotice.StudentAccepted => MailKind.StudentAccepted,
        OrderNotice.StudentStartMomentChanged => MailKind.StudentStartMomentChanged,
        _ => MailKind.StudentOrderEnded,
    };

    /// <summary>The active people of the orders' tenants who asked to hear of waiting orders at once.</summary>
    private static async Task<ILookup<(Role, Guid), Person>> AtOnceRecipientsAsync(OrdersDbContext db,
        IEnumerable<OrderNotice> notices, IEnumerable<Order> orders, CancellationToken ct)
    {
        var kinds = notices.ToHashSet();
        List<Guid> tenants = [];
        if (kinds.Contains(OrderNotice.AccountApprovalWaiting)) tenants.AddRange(orders.Select(o => o.AccountId));
        if (kinds.Contains(OrderNotice.ProviderOrderWaiting))
            tenants.AddRange(orders.Where(o => o.ProviderId is not null).Select(o => o.ProviderId!.Value));
        if (tenants.Count == 0) return Array.Empty<Person>().ToLookup(p => (p.Role, p.TenantId ?? Guid.Empty));
        tenants = [.. tenants.Distinct()];
        var people = await db.People.AsNoTracking()
            .Where(p => p.TenantId != null && tenants.Contains(p.TenantId.Value)
                && p.WaitingOrdersMail == MailFrequency.AtOnce && p.PasswordHash != null && p.DateDisabled == null)
            .ToListAsync(ct);
        return people.ToLookup(p => (p.Role, p.TenantId!.Value));
    }

    /// <summary>For providers with people to tell: how many orders wait for them and since when the oldest.</summary>
    private static async Task<IReadOnlyDictionary<Guid, Waiting>> WaitingForProvidersAsync(OrdersDbContext db,
        ILookup<(Role Role, Guid Tenant), Person> recipients, CancellationToken ct)
    {
        var providerIds = recipients.Where(g => g.Key.Role == Role.Provider).Select(g => g.Key.Tenant).ToList();
        Dictionary<Guid, Waiting> waiting = [];
        foreach (var providerId in providerIds)
            if (await WaitingOrderDigests.WaitingAsync(db, Role.Provider, providerId, ct) is { } w)
                waiting[providerId] = w;
        return waiting;
    }
}
