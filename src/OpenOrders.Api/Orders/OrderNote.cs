using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Orders;

/// <summary>
/// An internal note on an order, written by a person or a client. Seen by the author's own tenant (the same role and
/// tenant) and by admins, never by the order's other party: see <see cref="Auth.Visibility.OrderNotes"/>.
/// </summary>
public sealed class OrderNote
{
    /// <summary>The longest note, in characters: the request check, the console's field and the column.</summary>
    public const int TextLength = 2000;

    public Guid Id { get; set; }
    public Guid OrderId { get; set; }
    public DateTimeOffset DateCreated { get; set; }
    public Role AuthorRole { get; set; }

    /// <summary>The author's account or provider; null for an admin.</summary>
    public Guid? AuthorTenantId { get; set; }

    public ActorKind AuthorKind { get; set; }

    /// <summary>The client id or the person's e-mail address.</summary>
    public required string AuthorId { get; set; }

    public required string Text { get; set; }
}
