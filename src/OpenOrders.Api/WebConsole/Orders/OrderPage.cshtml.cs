using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Orders;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// One order as a person reads it, with the actions this person may take now, derived from the status table. Every
/// form carries the version the page was drawn with; the actions are the API's own (<see cref="OrderActions"/>).
/// </summary>
public sealed partial class OrderPageModel(
    OrdersDbContext db, OrderActions actions, OrderNotes notes, InboxCounts counts, TimeProvider time) : ConsolePage
{
    public Order Order { get; private set; } = null!;
    public Product? Course { get; private set; }
    public IReadOnlyList<LegalCompany> Companies { get; private set; } = [];

    /// <summary>The course by its catalog name, also before the validation copied it (an invalid order).</summary>
    public string CourseName => Course?.Name ?? (Order.Name is { Length: > 0 } name ? name : Text["(not known)"]);

    /// <summary>The employer by name, read from the catalog when the order has not copied it yet.</summary>
    public string EmployerName { get; private set; } = "";

    /// <summary>The history: the order's transitions and the notes this person may see, oldest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline { get; private set; } = [];

    /// <summary>The accept form's choice, kept when an accept was refused, so the second try starts from it.</summary>
    [TempData]
    public string? AcceptChoice { get; set; }

    /// <summary>Where this person may move the order now, in the table's order.</summary>
    public IReadOnlyList<StatusTransitionRule> Moves { get; private set; } = [];

    public bool MayCompleteOrderLines { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, Caller, ct, tracked: false);
        if (order is null) return Missing();
        await LoadAsync(order, ct);
        return Page();
    }

    /// <summary>Everything the page shows; the correction form too, unless the caller loaded it for a sent form.</summary>
    private async Task LoadAsync(Order order, CancellationToken ct, bool correctionLoaded = false)
    {
        Order = order;
        Course = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct);
        EmployerName = order.AccountName is { Length: > 0 } named ? named
            : await db.Accounts.AsNoTracking().Where(a => a.Id == order.AccountId).Select(a => a.Name)
                .SingleOrDefaultAsync(ct) ?? Text["(not known)"];
        Moves = order.MovesFor(Caller.Role);
        MayCompleteOrderLines = order.OrderLines.Count > 0
            && OrderUpdateRules.MayCompleteOrderLines(Caller.Role, order.Status);
        if (MayCompleteOrderLines)
            Companies = await db.Providers.AsNoTracking().Where(p => p.Id == order.ProviderId)
                .SelectMany(p => p.LegalCompanies).ToListAsync(ct);
        var visibleNotes = await notes.ListAsync(order.Id, Caller, ct) ?? [];
        Timeline = [.. order.StatusTransitions.Select(t => new TimelineEntry(t.DateCreated, t.Sequence, t, null))
            .Concat(visibleNotes.Select(n => new TimelineEntry(n.DateCreated, int.MaxValue, null, n)))
            .OrderBy(e => e.At).ThenBy(e => e.Sequence)];
        if (!correctionLoaded) await LoadCorrectionAsync(order, new Dictionary<string, string?>(), ct);
    }

    /// <summary>An internal note, seen by this person's own tenant and admins (<see cref="OrderNotes"/>).</summary>
    public async Task<IActionResult> OnPostNoteAsync(Guid id, string? note, CancellationToken ct)
    {
        var refused = new RequestErrors();
        var added = await notes.AddAsync(id, note, Caller, refused, ct);
        if (refused.Any)
            Failed(string.IsNullOrWhiteSpace(note)
                ? Text["Write the note first."]
                : Text["A note has at most {0} characters.", OrderNote.TextLength]);
        else if (added is null) return Missing();
        else Succeeded(Text["Your note is added. Only your own organisation and the marketplace see it."]);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostMoveAsync(
        Guid id, string? target, int version, string? message, CancellationReason? cancellationReason,
        AdminCancellationReason? adminCancellationReason, bool confirmed, CancellationToken ct)
    {
        if (!OrderStatusMachine.TryParse(target, out var status)) return BadRequest();
        if (!confirmed)
        {
            var order = await db.FindVisibleAsync(id, Caller, ct, tracked: false);
            if (order is null) return Missing();
            // A form drawn before someone else changed the order goes straight on, to be refused as stale; a move
            // the table does not allow goes on to be refused with the domain's reason.
            if (order.Version == version && order.MoveRule(status, Caller.Role) is { } rule
                && OrderPageText.NeedsConfirmation(rule))
            {
                await LoadAsync(order, ct);
                ConfirmStep = ConfirmMove(order, status, message, cancellationReason, adminCancellationReason,
                    version);
                return Page();
            }
        }
        var details = new TransitionDetails(string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            cancellationReason, adminCancellationReason);
        return await RunAsync(id,
            () => actions.MoveAsync(id, status, details, Caller, ExpectedVersion.Of(version), ct),
            _ => Text["Done: the order is now {0}.", Format.Of(status)]);
    }

    /// <summary>The second step of a move no move leads back from: what it does, and the first form's fields.</summary>
    private Confirmation ConfirmMove(Order order, OrderStatus to, string? message, CancellationReason? reason,
        AdminCancellationReason? adminReason, int version)
    {
        var action = Text[OrderPageText.ActionOf(to)];
        List<string> consequences =
        [
            OrderStatusMachine.Final.Contains(to)
                ? Text["The order becomes {0}. This cannot be undone: no one can move it on from there.", Format.Of(to)]
                : Text["The order becomes {0} with the next invoice number. This cannot be undone.", Format.Of(to)],
        ];
        if (OrderPageText.IsEnding(to)) consequences.Add(Text["It will not be invoiced."]);
        if (reason is { } r) consequences.Add(Text["Reason: {0}", Format.Of(r)]);
        if (adminReason is { } a) consequences.Add(Text["Reason: {0}", Format.Of(a)]);
        if (!string.IsNullOrWhiteSpace(message)) consequences.Add(Text["Your message: {0}", message.Trim()]);
        return new Confirmation
        {
            Question = Text["Order {0}: {1}?", order.OrderNumber, action],
            Consequences = consequences,
            Action = Url.Page("/Orders/OrderPage", "Move", new { id = order.Id })!,
            Fields = new Dictionary<string, string?>
            {
                ["target"] = to.ToString(), ["version"] = version.ToString(CultureInfo.InvariantCulture),
                ["message"] = message, ["cancellationReason"] = reason?.ToString(),
                ["adminCancellationReason"] = adminReason?.ToString(),
            },
            ConfirmLabel = Text["Yes: {0}", action],
            BackUrl = Url.Page("/Orders/OrderPage", new { id = order.Id })!,
        };
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
        // Kept for the page after a refusal (say, the legal companies are not saved yet): the choice stays made.
        // Only the form's own words are kept: TempData would read a value shaped like a date or a Guid back as one.
        AcceptChoice = startMoment switch
        {
            "second" => "second",
            "other" => $"other:{otherStartMoment}",
            _ => "first",
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
            count => count == 1
                ? Text["Saved the legal company of 1 order line."]
                : Text["Saved the legal company of {0} order lines.", count]);
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
                    AcceptChoice = null;
                    break;
            }
        }
        catch (OrderRuleViolation refused)
        {
            Failed(Words.Refusal(refused));
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

    /// <summary>Whether this start-moment option of the accept form is the one to show chosen.</summary>
    public bool AcceptChosen(string option, Guid? other = null) =>
        AcceptChoice is null ? option == "first"
        : other is { } o ? AcceptChoice == $"other:{o}" : AcceptChoice == option;

    public string? StartMomentName(Guid? id) =>
        id is { } i ? Course?.StartMoments.FirstOrDefault(m => m.Id == i)?.ExternalId : null;
}

/// <summary>One line of an order's history: a transition or a note.</summary>
public sealed record TimelineEntry(DateTimeOffset At, int Sequence, OrderStatusTransition? Transition, OrderNote? Note);
