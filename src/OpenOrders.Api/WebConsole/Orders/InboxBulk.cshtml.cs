using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// Moves of many orders at once, in three steps without scripts: the inbox's form names the orders and the move; this
/// page says what will happen to which orders and asks for the reason a move needs; once confirmed, the move is queued
/// (<see cref="BulkMoves"/>) and its page shows each order's outcome as the worker gets to it.
/// </summary>
public sealed class InboxBulkModel(OrdersDbContext db, BulkMoves moves) : ConsolePage
{
    /// <summary>How long the outcome page waits for a small move to finish before it shows the progress.</summary>
    private static readonly TimeSpan WaitForDone = TimeSpan.FromSeconds(3);

    public sealed record Chosen(Guid Id, int OrderNumber, int Version, OrderStatus Status, bool Movable);

    public OrderStatus Target { get; private set; }
    public IReadOnlyList<Chosen> Orders { get; private set; } = [];
    public bool MoreThanMax { get; private set; }
    public TransitionRequirement Needs { get; private set; }
    public string ListUrl { get; private set; } = "/console/orders";
    public string Query { get; private set; } = "";
    public BulkMove? Move { get; private set; }
    /// <summary>For a provider's acceptance: its legal companies, for the order lines without one.</summary>
    public IReadOnlyList<LegalCompany> Companies { get; private set; } = [];

    public IEnumerable<Chosen> Movable => Orders.Where(o => o.Movable);
    public IEnumerable<Chosen> NotMovable => Orders.Where(o => !o.Movable);

    /// <summary>Step 2: the confirmation, drawn from the inbox's form.</summary>
    public async Task<IActionResult> OnPostAsync(string? target, bool all, Guid[]? order, string? query,
        CancellationToken ct)
    {
        Query = query ?? "";
        var list = InboxQuery.Parse(Query);
        ListUrl = list.Url();
        if (!TryTarget(target, out var status)) return BadRequest();
        var visible = db.Orders.Visible(Caller).AsNoTracking();
        IQueryable<Order> chosen;
        if (all)
        {
            var selection = list.ToSelection(Format, out _);
            chosen = visible.Apply(selection).Sorted(selection);
        }
        else
        {
            var ids = (order ?? []).Distinct().Take(BulkMove.MaxOrders + 1).ToList();
            chosen = visible.Where(o => ids.Contains(o.Id)).OrderBy(o => o.OrderNumber);
        }
        var found = await chosen.Select(o => new { o.Id, o.OrderNumber, o.Version, o.Status })
            .Take(BulkMove.MaxOrders + 1).ToListAsync(ct);
        if (found.Count == 0)
        {
            Failed(Text["Tick the orders to act on first, or choose all matching orders."]);
            return Redirect(ListUrl);
        }
        MoreThanMax = found.Count > BulkMove.MaxOrders;
        Target = status;
        Orders = [.. found.Take(BulkMove.MaxOrders).Select(o => new Chosen(o.Id, o.OrderNumber, o.Version, o.Status,
            OrderStatusMachine.Find(o.Status, status, Caller.Role) is not null))];
        Needs = RequirementOf(status);
        if (status == OrderStatus.AcceptedProvider) Companies = await CompaniesAsync(ct);
        return Page();
    }

    /// <summary>Step 3: the person confirmed; the move is queued and its page shows the outcomes.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(string? target, string? orders, string? query,
        CancellationReason? cancellationReason, AdminCancellationReason? adminCancellationReason,
        Guid? legalCompany, CancellationToken ct)
    {
        if (!TryTarget(target, out var status)) return BadRequest();
        var listUrl = InboxQuery.Parse(query ?? "").Url();
        var needs = RequirementOf(status);
        if (needs == TransitionRequirement.CancellationReason && cancellationReason is null
            || needs == TransitionRequirement.AdminCancellationReason && adminCancellationReason is null)
        {
            Failed(Text["Choose a reason."]);
            return Redirect(listUrl);
        }
        // Only one of the provider's own legal companies, named by id, never by free text (as on the order page).
        if (legalCompany is { } company && (status != OrderStatus.AcceptedProvider
                || !(await CompaniesAsync(ct)).Any(c => c.Id == company)))
            return BadRequest();
        var chosen = (orders ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(ParseOrder)
            .OfType<(Guid Id, int Version)>().DistinctBy(o => o.Id).Take(BulkMove.MaxOrders).ToList();
        var ids = chosen.Select(o => o.Id).ToList();
        // Only orders this person may see are queued; the worker looks again, through the same rule, as it moves each.
        var numbers = await db.Orders.Visible(Caller).Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.OrderNumber, ct);
        var queued = chosen.Where(o => numbers.ContainsKey(o.Id))
            .Select(o => new BulkMoveOrder(o.Id, numbers[o.Id], o.Version)).ToList();
        if (queued.Count == 0) return Redirect(listUrl);
        var id = await moves.StartAsync(Caller, status,
            new TransitionDetails(null, cancellationReason, adminCancellationReason), legalCompany, queued, ct);
        return Redirect($"/console/orders/bulk/{id}?query={Uri.EscapeDataString(query ?? "")}");
    }

    /// <summary>The outcome: each order done or refused (and why), or how far the worker has got.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? id, string? query, CancellationToken ct)
    {
        Query = query ?? "";
        ListUrl = InboxQuery.Parse(Query).Url();
        if (id is not { } moveId) return Redirect(ListUrl);
        // Real time, not the service's clock: this is how long a person is kept waiting.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            Move = await moves.FindAsync(moveId, Caller, ct);
            if (Move is null) return Missing();
            if (Move.DateDone is not null || waited.Elapsed >= WaitForDone) break;
            await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
        }
        Target = Move.Target;
        return Page();
    }

    public string OrdersField => string.Join(',',
        Orders.Select(o => $"{o.Id:N}:{o.Version.ToString(CultureInfo.InvariantCulture)}"));

    private async Task<IReadOnlyList<LegalCompany>> CompaniesAsync(CancellationToken ct) =>
        Caller.Role == Domain.Role.Provider
            ? await db.Providers.AsNoTracking().Where(p => p.Id == Caller.Tenant).SelectMany(p => p.LegalCompanies)
                .OrderBy(c => c.Name).ToListAsync(ct)
            : [];

    private bool TryTarget(string? name, out OrderStatus status) =>
        OrderStatusMachine.TryParse(name, out status) && BulkMoves.TargetsFor(Caller.Role).Contains(status);

    private TransitionRequirement RequirementOf(OrderStatus target) => OrderStatusMachine.Rules
        .Where(r => r.To == target && r.Role == Caller.Role).Select(r => r.Requires)
        .FirstOrDefault(r => r is TransitionRequirement.CancellationReason
            or TransitionRequirement.AdminCancellationReason);

    private static (Guid, int)? ParseOrder(string text)
    {
        var parts = text.Split(':');
        return parts.Length == 2 && Guid.TryParse(parts[0], out var id)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? (id, version) : null;
    }

    /// <summary>What will happen, in words, by the move's target.</summary>
    public static string WillHappen(OrderStatus target, IStringLocalizer T) => target switch
    {
        OrderStatus.AcceptedProvider => T["These orders will be accepted, each with its first-choice start moment."],
        OrderStatus.PendingProvider => T["These orders will be approved and sent to their providers."],
        OrderStatus.RejectedProvider or OrderStatus.RejectedAccount =>
            T["These orders will be rejected with the reason you choose. This cannot be undone."],
        _ => T["These orders will be cancelled with the reason you choose. This cannot be undone."],
    };
}
