using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Invoicing;
using OpenOrders.Api.Validation;
using OpenOrders.Api.Work;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// The version a caller saw when it decided to act: If-Match for the API (absent means "whatever is current"), the
/// version a console page was drawn with for a person. A change against another version is refused, never merged.
/// </summary>
public sealed class ExpectedVersion
{
    private readonly Func<int, bool> matches;

    private ExpectedVersion(Func<int, bool> matches) => this.matches = matches;

    public static ExpectedVersion Of(int version) => new(v => v == version);

    public static ExpectedVersion FromIfMatch(HttpRequest request) => new(v => ETags.MatchesIfPresent(request, v));

    public bool Matches(int version) => matches(version);
}

public enum OrderActionStatus
{
    Done,
    /// <summary>No such order, or not one this caller may see: the same answer, so nothing leaks.</summary>
    NotFound,
    /// <summary>
    /// The order changed since the caller saw it; <see cref="OrderAction{T}.Order"/> is the fresh one.
    /// </summary>
    Stale,
}

public sealed record InvoiceOnBehalfOfLine(int SequenceNumber, string Name, string VatNumber);

public sealed record OrderAction<T>(OrderActionStatus Status, Order? Order, T? Value)
{
    public static OrderAction<T> NotFound { get; } = new(OrderActionStatus.NotFound, null, default);
    public static OrderAction<T> Stale(Order order) => new(OrderActionStatus.Stale, order, default);
    public static OrderAction<T> Done(Order order, T value) => new(OrderActionStatus.Done, order, value);
}

/// <summary>
/// What people and clients do to an order, written once: the API's endpoints and the console's forms call these, so
/// both run the same domain code, with the same tenancy and the same refusals (<see cref="OrderRuleViolation"/>).
/// </summary>
public sealed class OrderActions(OrdersDbContext db, TimeProvider time, ValidationSignal signal)
{
    public async Task<OrderAction<OrderStatusTransition>> MoveAsync(
        Guid id, OrderStatus target, TransitionDetails details, Caller caller, ExpectedVersion expected,
        CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, caller, ct);
        if (order is null) return OrderAction<OrderStatusTransition>.NotFound;
        if (!expected.Matches(order.Version)) return OrderAction<OrderStatusTransition>.Stale(order);

        var now = time.GetUtcNow();
        details = details with { By = caller.Actor };
        // One transaction, so an invoice number is kept only with the move that took it: a refused move leaves no gap.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (order.MoveRule(target, caller.Role)?.Requires == TransitionRequirement.InvoiceNumber)
            details = details with { InvoiceNumber = await InvoiceNumbers.TakeAsync(db, 1, ct) };
        var transition = order.MoveTo(target, caller.Role, details, now);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return OrderAction<OrderStatusTransition>.Done(order, transition);
    }

    /// <summary>The legal company order lines are invoiced on behalf of, in one commit.</summary>
    public async Task<OrderAction<int>> SetInvoiceOnBehalfOfAsync(
        Guid id, IReadOnlyList<InvoiceOnBehalfOfLine> lines, Caller caller, ExpectedVersion expected,
        CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, caller, ct);
        if (order is null) return OrderAction<int>.NotFound;
        if (lines.Any(l => order.OrderLines.All(o => o.SequenceNumber != l.SequenceNumber)))
            return new(OrderActionStatus.NotFound, order, 0); // the order, without that line
        if (!expected.Matches(order.Version)) return OrderAction<int>.Stale(order);

        var companies = await db.Providers.AsNoTracking().Where(p => p.Id == order.ProviderId)
            .SelectMany(p => p.LegalCompanies).ToListAsync(ct);
        var now = time.GetUtcNow();
        foreach (var line in lines)
            order.SetInvoiceOnBehalfOf(line.SequenceNumber, line.Name, line.VatNumber, companies, now);
        await db.SaveChangesAsync(ct);
        return OrderAction<int>.Done(order, lines.Count);
    }

    /// <summary>
    /// The provider accepts, with the first choice, the second, or another start moment of the course. The first two
    /// take effect in the same commit as the acceptance; another one is checked by a validation first, after which
    /// the order is back in PendingProvider with it, ready to be accepted (the value is then null).
    /// </summary>
    public async Task<OrderAction<OrderStatusTransition?>> AcceptAsync(
        Guid id, Guid? startMomentId, Caller caller, ExpectedVersion expected, CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, caller, ct);
        if (order is null) return OrderAction<OrderStatusTransition?>.NotFound;
        if (!expected.Matches(order.Version)) return OrderAction<OrderStatusTransition?>.Stale(order);

        var now = time.GetUtcNow();
        if (startMomentId is { } chosen && chosen != (order.AcceptedStartMomentId ?? order.StartMomentId))
        {
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct);
            var outcome = order.Update(
                new Dictionary<string, object?> { ["acceptedStartMomentId"] = chosen.ToString() },
                caller.Role, product, now);
            if (outcome.NeedsValidation)
            {
                db.ValidationJobs.Add(new ValidationJob { OrderId = order.Id, DueAt = now, DateCreated = now });
                await db.SaveChangesAsync(ct);
                signal.Notify();
                return OrderAction<OrderStatusTransition?>.Done(order, null);
            }
        }
        var transition = order.MoveTo(OrderStatus.AcceptedProvider, caller.Role,
            new TransitionDetails(By: caller.Actor), now);
        await db.SaveChangesAsync(ct);
        return OrderAction<OrderStatusTransition?>.Done(order, transition);
    }

    /// <summary>
    /// Property changes by the update rules; a change that needs a validation queues one in the same commit.
    /// </summary>
    public async Task<OrderAction<UpdateOutcome>> UpdateAsync(
        Guid id, IReadOnlyDictionary<string, object?> changes, Caller caller, ExpectedVersion expected,
        CancellationToken ct)
    {
        var order = await db.FindVisibleAsync(id, caller, ct);
        if (order is null) return OrderAction<UpdateOutcome>.NotFound;
        if (!expected.Matches(order.Version)) return OrderAction<UpdateOutcome>.Stale(order);

        var product = changes.ContainsKey("acceptedStartMomentId")
            ? await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == order.ProductId, ct)
            : null;
        var now = time.GetUtcNow();
        var outcome = order.Update(changes, caller.Role, product, now);
        if (outcome.NeedsValidation)
            db.ValidationJobs.Add(new ValidationJob { OrderId = order.Id, DueAt = now, DateCreated = now });
        await db.SaveChangesAsync(ct);
        if (outcome.NeedsValidation) signal.Notify();
        return OrderAction<UpdateOutcome>.Done(order, outcome);
    }
}
