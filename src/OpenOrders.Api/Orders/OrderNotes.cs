using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;

namespace OpenOrders.Api.Orders;

/// <summary>
/// Internal notes on an order, for the API and the console alike: the order must be visible to the caller
/// (<see cref="Visibility.Orders"/>), and of its notes the caller sees those of their own tenant
/// (<see cref="Visibility.OrderNotes"/>).
/// </summary>
public sealed class OrderNotes(OrdersDbContext db, TimeProvider time)
{
    /// <summary>The visible notes, oldest first; null when the caller does not see the order.</summary>
    public async Task<List<OrderNote>?> ListAsync(Guid orderId, Caller caller, CancellationToken ct)
    {
        if (!await db.Orders.Visible(caller).AnyAsync(o => o.Id == orderId, ct)) return null;
        return await db.OrderNotes.AsNoTracking().Visible(caller).Where(n => n.OrderId == orderId)
            .OrderBy(n => n.DateCreated).ThenBy(n => n.Id).ToListAsync(ct);
    }

    /// <summary>
    /// The new note, or null with <paramref name="errors"/> saying why, or null without errors when the caller does
    /// not see the order.
    /// </summary>
    public async Task<OrderNote?> AddAsync(Guid orderId, string? text, Caller caller, RequestErrors errors,
        CancellationToken ct)
    {
        text = text?.Trim();
        if (!errors.Required(text, "text", OrderNote.TextLength)) return null;
        if (!await db.Orders.Visible(caller).AnyAsync(o => o.Id == orderId, ct)) return null;
        var note = new OrderNote
        {
            Id = Guid.CreateVersion7(), OrderId = orderId, DateCreated = time.GetUtcNow(), AuthorRole = caller.Role,
            AuthorTenantId = caller.IsAdmin ? null : caller.TenantId, AuthorKind = caller.Kind, AuthorId = caller.Id,
            Text = text,
        };
        db.OrderNotes.Add(note);
        await db.SaveChangesAsync(ct);
        return note;
    }
}
