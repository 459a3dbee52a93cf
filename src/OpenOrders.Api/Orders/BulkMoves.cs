using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Work;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// One move asked for many orders at once (accept, reject, approve, cancel): written as a row with one item per order
/// in the commit that confirms it, then worked through by <see cref="BulkMoveWorker"/>, each order by the same
/// <see cref="OrderActions"/> as one by one, each in its own commit. A refusal is that order's outcome, not the
/// whole move's (docs/decisions/0014).
/// </summary>
public sealed class BulkMove : ILeasable
{
    /// <summary>"All N matching" is resolved to at most this many orders when the move is confirmed.</summary>
    public const int MaxOrders = 1000;

    /// <summary>
    /// How long a finished move and its outcomes are kept for its page; each transition stays on its order.
    /// </summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    public Guid Id { get; init; }
    /// <summary>The person who asked (their e-mail), as on each transition; only they see the move.</summary>
    public required string ActorId { get; init; }
    public Role Role { get; init; }
    public Guid? TenantId { get; init; }
    public OrderStatus Target { get; init; }
    public CancellationReason? CancellationReason { get; init; }
    public AdminCancellationReason? AdminCancellationReason { get; init; }
    /// <summary>
    /// For an acceptance: the provider's legal company that order lines without one are invoiced on behalf of, set
    /// (as the order page sets it) just before the order is accepted.
    /// </summary>
    public Guid? LegalCompanyId { get; init; }
    public DateTimeOffset DateCreated { get; init; }
    public DateTimeOffset? DateDone { get; set; }
    public DateTimeOffset DueAt { get; init; }
    public string? LeaseOwner { get; set; }
    public DateTimeOffset? LeaseExpiresAt { get; set; }
    public List<BulkMoveItem> Items { get; init; } = [];

    public Caller Caller => new(ActorId, Role, TenantId, ActorKind.Person);
}

public sealed class BulkMoveItem
{
    public Guid BulkMoveId { get; init; }
    public int Position { get; init; }
    public Guid OrderId { get; init; }
    public int OrderNumber { get; init; }
    /// <summary>The version the person chose it in: an order changed since is refused, as a stale form is.</summary>
    public int Version { get; init; }
    public BulkMoveOutcome Outcome { get; set; }
    /// <summary>The domain's own refusal, word for word as the API's detail.</summary>
    public string? Message { get; set; }
}

public enum BulkMoveOutcome
{
    Waiting,
    Done,
    /// <summary>The domain refused the move (<see cref="BulkMoveItem.Message"/> says why).</summary>
    Refused,
    /// <summary>Someone changed the order after the person chose it.</summary>
    Changed,
    /// <summary>The order is gone from what the person may see.</summary>
    Missing,
}

public sealed record BulkMoveOrder(Guid Id, int OrderNumber, int Version);

public sealed class BulkMoves(OrdersDbContext db, TimeProvider time, BulkMoveSignal signal)
{
    /// <summary>The moves a list offers for many orders at once, for this role, in the table's order.</summary>
    public static IReadOnlyList<OrderStatus> TargetsFor(Role role) =>
    [
        .. OrderStatusMachine.Rules.Where(r => r.Role == role && Offered.Contains(r.To)).Select(r => r.To).Distinct(),
    ];

    private static readonly OrderStatus[] Offered =
    [
        OrderStatus.AcceptedProvider, OrderStatus.PendingProvider, OrderStatus.RejectedProvider,
        OrderStatus.RejectedAccount, OrderStatus.CancelledAccount, OrderStatus.CancelledAdmin,
    ];

    public static readonly LeaseQuery<BulkMove> Unfinished =
        new(nameof(BulkMove.Id), "\"DateDone\" IS NULL", m => m.DateDone == null);

    public async Task<Guid> StartAsync(Caller caller, OrderStatus target, TransitionDetails details,
        Guid? legalCompanyId, IReadOnlyList<BulkMoveOrder> orders, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var move = new BulkMove
        {
            Id = Guid.CreateVersion7(now), ActorId = caller.Id, Role = caller.Role, TenantId = caller.TenantId,
            Target = target, CancellationReason = details.CancellationReason,
            AdminCancellationReason = details.AdminCancellationReason, LegalCompanyId = legalCompanyId,
            DateCreated = now, DueAt = now,
            Items =
            [
                .. orders.Take(BulkMove.MaxOrders).Select((o, i) => new BulkMoveItem
                {
                    Position = i, OrderId = o.Id, OrderNumber = o.OrderNumber, Version = o.Version,
                }),
            ],
        };
        db.BulkMoves.Add(move);
        await db.SaveChangesAsync(ct);
        signal.Notify();
        return move.Id;
    }

    /// <summary>The move with its items, when this caller asked for it.</summary>
    public Task<BulkMove?> FindAsync(Guid id, Caller caller, CancellationToken ct) =>
        db.BulkMoves.AsNoTracking().Include(m => m.Items.OrderBy(i => i.Position))
            .SingleOrDefaultAsync(m => m.Id == id && m.ActorId == caller.Id && m.Role == caller.Role
                && m.TenantId == caller.TenantId, ct);
}

/// <summary>
/// Works through confirmed bulk moves: leases one, moves its waiting orders one by one (each its own commit, its
/// outcome written after it), renews the lease as it goes, and marks it done. Another instance takes over a move
/// whose lease ran out; an order moved just before a crash is found in the target status and counted done.
/// </summary>
public sealed class BulkMoveWorker(IServiceScopeFactory scopes, BulkMoveSignal signal, TimeProvider time,
    IOptions<WorkerOptions> options, ILogger<BulkMoveWorker> log) : Worker(time, log)
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(60);

    protected override TimeSpan Interval => options.Value.PollInterval;
    protected override WorkSignal Signal => signal;

    protected override async Task<int> RunOnceAsync(CancellationToken ct) =>
        await RunOnceAsync(scopes, options.Value.InstanceName, Time, ct) ? 1 : 0;

    /// <summary>One leased move, worked through; false when none was waiting.</summary>
    public static async Task<bool> RunOnceAsync(IServiceScopeFactory scopes, string owner, TimeProvider time,
        CancellationToken ct)
    {
        BulkMove? move;
        WebConsole.InboxCounts counts;
        await using (var scope = scopes.CreateAsyncScope())
        {
            counts = scope.ServiceProvider.GetRequiredService<WebConsole.InboxCounts>(); // a singleton
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var leased = await Leases.TakeAsync(db, BulkMoves.Unfinished, owner, 1, time.GetUtcNow(), Lease, ct);
            if (leased.Count == 0) return false;
            move = await db.BulkMoves.AsNoTracking()
                .Include(m => m.Items.Where(i => i.Outcome == BulkMoveOutcome.Waiting).OrderBy(i => i.Position))
                .SingleAsync(m => m.Id == leased[0], ct);
        }
        var renewed = time.GetUtcNow();
        foreach (var item in move.Items.OrderBy(i => i.Position))
        {
            var (outcome, message) = await MoveOneAsync(scopes, move, item, counts, ct);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            await db.BulkMoveItems.Where(i => i.BulkMoveId == move.Id && i.Position == item.Position)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Outcome, outcome).SetProperty(i => i.Message, message),
                    ct);
            if (time.GetUtcNow() - renewed > Lease / 3)
            {
                renewed = time.GetUtcNow();
                var until = renewed + Lease;
                // A lease lost (this instance stalled past it) leaves the rest to its new holder.
                if (await db.BulkMoves.Where(m => m.Id == move.Id && m.LeaseOwner == owner)
                        .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseExpiresAt, until), ct) == 0)
                    return true;
            }
        }
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<OrdersDbContext>();
            var done = time.GetUtcNow();
            await db.BulkMoves.Where(m => m.Id == move.Id && m.LeaseOwner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.DateDone, done).SetProperty(m => m.LeaseOwner, owner)
                    .SetProperty(m => m.LeaseExpiresAt, (DateTimeOffset?)null), ct);
            // Old outcomes go (their items with them: the key cascades).
            var before = done - BulkMove.KeptFor;
            await db.BulkMoves.Where(m => m.DateDone < before).ExecuteDeleteAsync(ct);
        }
        return true;
    }

    /// <summary>One order, through the same action as the order page, in a scope (and a commit) of its own.</summary>
    private static async Task<(BulkMoveOutcome, string?)> MoveOneAsync(IServiceScopeFactory scopes, BulkMove move,
        BulkMoveItem item, WebConsole.InboxCounts counts, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var actions = scope.ServiceProvider.GetRequiredService<OrderActions>();
        var expected = ExpectedVersion.Of(item.Version);
        try
        {
            if (move.Target == OrderStatus.AcceptedProvider && move.LegalCompanyId is { } companyId)
            {
                var completed = await CompleteOrderLinesAsync(scope.ServiceProvider, actions, move, item, companyId,
                    ct);
                if (completed.Status != OrderActionStatus.Done) return Outcome(completed.Status, completed.Order, move);
                expected = ExpectedVersion.Of(completed.Order!.Version);
            }
            var (status, order) = move.Target == OrderStatus.AcceptedProvider
                ? Of(await actions.AcceptAsync(item.OrderId, null, move.Caller, expected, ct))
                : Of(await actions.MoveAsync(item.OrderId, move.Target,
                    new TransitionDetails(null, move.CancellationReason, move.AdminCancellationReason), move.Caller,
                    expected, ct));
            if (status == OrderActionStatus.Done) counts.Forget(order!);
            return Outcome(status, order, move);
        }
        catch (OrderRuleViolation refused)
        {
            return (BulkMoveOutcome.Refused, refused.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (BulkMoveOutcome.Changed, null);
        }
    }

    private static (BulkMoveOutcome, string?) Outcome(OrderActionStatus status, Order? order, BulkMove move) =>
        status switch
        {
            OrderActionStatus.NotFound => (BulkMoveOutcome.Missing, null),
            // Moved by an earlier pass that stopped before writing the outcome.
            OrderActionStatus.Stale when order!.Status == move.Target
                && order.StatusTransitions.MaxBy(t => t.Sequence)?.ChangedById == move.ActorId =>
                (BulkMoveOutcome.Done, null),
            OrderActionStatus.Stale => (BulkMoveOutcome.Changed, null),
            _ => (BulkMoveOutcome.Done, null),
        };

    /// <summary>
    /// The order lines that name no legal company yet get the chosen one, through the same action as the order page's
    /// form; an order whose lines are all complete is left as it is.
    /// </summary>
    private static async Task<OrderAction<int>> CompleteOrderLinesAsync(IServiceProvider services,
        OrderActions actions, BulkMove move, BulkMoveItem item, Guid companyId, CancellationToken ct)
    {
        var db = services.GetRequiredService<OrdersDbContext>();
        var order = await db.FindVisibleAsync(item.OrderId, move.Caller, ct, tracked: false);
        if (order is null) return OrderAction<int>.NotFound;
        if (order.Version != item.Version) return OrderAction<int>.Stale(order);
        // An order that cannot be accepted now is refused by the acceptance itself, in its words.
        if (!OrderUpdateRules.MayCompleteOrderLines(move.Role, order.Status)) return OrderAction<int>.Done(order, 0);
        var company = await db.Providers.AsNoTracking().Where(p => p.Id == order.ProviderId)
            .SelectMany(p => p.LegalCompanies).SingleOrDefaultAsync(c => c.Id == companyId, ct);
        var lines = order.OrderLines.Where(l => !l.HasInvoiceOnBehalfOf)
            .Select(l => new InvoiceOnBehalfOfLine(l.SequenceNumber, company?.Name ?? "", company?.VatNumber ?? ""))
            .ToList();
        if (lines.Count == 0 || company is null) return OrderAction<int>.Done(order, 0);
        return await actions.SetInvoiceOnBehalfOfAsync(item.OrderId, lines, move.Caller,
            ExpectedVersion.Of(item.Version), ct);
    }

    private static (OrderActionStatus, Order?) Of<T>(OrderAction<T> action) => (action.Status, action.Order);
}
