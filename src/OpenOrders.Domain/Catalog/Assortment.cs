namespace OpenOrders.Domain.Catalog;

/// <summary>The products some accounts may order. An order is placed within one assortment.</summary>
public sealed class Assortment
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public List<Guid> AccountIds { get; set; } = [];
    public List<Guid> ProductIds { get; set; } = [];
    public DateTimeOffset DateCreated { get; set; }
    public DateTimeOffset DateModified { get; set; }
}
