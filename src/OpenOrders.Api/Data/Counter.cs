namespace OpenOrders.Api.Data;

/// <summary>A named number handed out in order (invoice numbers). Taken with one atomic UPDATE … RETURNING.</summary>
public sealed class Counter
{
    public const string InvoiceNumber = "InvoiceNumber";
    public const string EventFeed = "EventFeed";

    public required string Name { get; set; }
    public long Value { get; set; }
}
