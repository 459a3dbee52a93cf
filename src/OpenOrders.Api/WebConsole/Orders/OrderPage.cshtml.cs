using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// One order as a person reads it, with the actions this person may take now, derived from the status table. Every
/// form carries the version the page was drawn with; the actions are the API's own (<see cref="OrderActions"/>).
/// </summary>
public sealed class OrderPageModel(OrdersDbContext db, OrderActions actions, InboxCounts counts) : ConsolePage
{
    public Order Order { get; private set; } = null!;
    public Product? Course { get; private set; }
    public IReadOnlyList<LegalCompany> Companies { get; private set; } = [];

    /// <summary>Where this person may move the order now, in the table's order.</summary>
    public IReadOnlyList<StatusTransitionRule> Moves { get; private set; } = [];

    public bool MayCompleteOrderLines { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, Caller, ct, tracked: false);
        if (order is null) return Missing();
        Order = order;
        Course = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct);
        Moves = order.MovesFor(Caller.Role);
        MayCompleteOrderLines = order.OrderLines.Count > 0
            && OrderUpdateRules.MayCompleteOrderLines(Caller.Role, order.Status);
        if (MayCompleteOrderLines)
            Companies = await db.Providers.AsNoTracking().Where(p => p.Id == order.ProviderId)
                .SelectMany(p => p.LegalCompanies).ToListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(
        Guid id, string? target, int version, string? message, CancellationReason? cancellationReason,
        AdminCancellationReason? adminCancellationReason, CancellationToken ct)
    {
        if (!OrderStatusMachine.TryParse(target, out var status)) return BadRequest();
        var details = new TransitionDetails(string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            cancellationReason, adminCancellationReason);
        return await RunAsync(id,
            () => actions.MoveAsync(id, status, details, Caller, ExpectedVersion.Of(version), ct),
            _ => Text["Done: the order is now {0}.", Format.Of(status)]);
    }

    public async Task<IActionResult> OnPostAcceptAsync(
        Guid id, int version, string? startMoment, Guid? otherStartMoment, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, Caller, ct, tracked: false);
        if (order is null) return Missing();
        Guid? chosen = startMoment switch
        {
            "second" => order.SecondStartMomentId,
            "other" => otherStartMoment,
            _ => order.StartMomentId,
        };
        return await RunAsync(id,
            () => actions.AcceptAsync(id, chosen, Caller, ExpectedVersion.Of(version), ct),
            transition => transition is null
                ? Text["The start moment is being checked first. The order comes back to you with it in a moment; accept it then."]
                : Text["Done: the order is now {0}.", Format.Of(OrderStatus.AcceptedProvider)]);
    }

    public async Task<IActionResult> OnPostOrderLinesAsync(
        Guid id, int version, Dictionary<int, Guid>? company, CancellationToken ct)
    {
        var providerId = await db.Orders.Visible(Caller).Where(o => o.Id == id).Select(o => o.ProviderId)
            .SingleOrDefaultAsync(ct);
        var companies = await db.Providers.AsNoTracking().Where(p => p.Id == providerId)
            .SelectMany(p => p.LegalCompanies).ToListAsync(ct);
        // Only the provider's own legal companies can be chosen: the form names one by id, never by free text.
        var lines = (company ?? []).Select(c => (c.Key, Company: companies.FirstOrDefault(l => l.Id == c.Value)))
            .Where(c => c.Company is not null)
            .Select(c => new InvoiceOnBehalfOfLine(c.Key, c.Company!.Name, c.Company.VatNumber)).ToList();
        if (lines.Count == 0)
        {
            Failed(Text["Choose a legal company for the order lines."]);
            return RedirectToPage(new { id });
        }
        return await RunAsync(id,
            () => actions.SetInvoiceOnBehalfOfAsync(id, lines, Caller, ExpectedVersion.Of(version), ct),
            count => Text["Saved the legal company of {0} order lines.", count]);
    }

    /// <summary>
    /// One way to end every action: its outcome (or the domain's own refusal) shown once on the fresh page.
    /// </summary>
    private async Task<IActionResult> RunAsync<T>(Guid id, Func<Task<OrderAction<T>>> action, Func<T?, string> describe)
    {
        try
        {
            var outcome = await action();
            switch (outcome.Status)
            {
                case OrderActionStatus.NotFound: return Missing();
                case OrderActionStatus.Stale:
                    Failed(Text["Someone changed this order after you opened it, so nothing was changed. This is the order as it is now: check it and try again."]);
                    break;
                default:
                    counts.Forget(outcome.Order!);
                    Succeeded(describe(outcome.Value));
                    break;
            }
        }
        catch (OrderRuleViolation refused)
        {
            Failed(refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            Failed(Text["Someone changed this order at the same moment, so nothing was changed. This is the order as it is now: check it and try again."]);
        }
        return RedirectToPage(new { id });
    }

    /// <summary>
    /// The start moments of the course a provider may accept instead of the choices: those still ahead.
    /// </summary>
    public IEnumerable<StartMoment> OtherStartMoments(DateTimeOffset now) =>
        (Course?.StartMoments ?? [])
            .Where(m => m.Date > now && m.Id != Order.StartMomentId && m.Id != Order.SecondStartMomentId)
            .OrderBy(m => m.Date);

    public string? StartMomentName(Guid? id) =>
        id is { } i ? Course?.StartMoments.FirstOrDefault(m => m.Id == i)?.ExternalId : null;
}
