using Microsoft.EntityFrameworkCore;

namespace OpenOrders.Api.Data;

/// <summary>A named number handed out in order (invoice numbers, the events feed, the order-number sequence).</summary>
public sealed class Counter
{
    public const string InvoiceNumber = "InvoiceNumber";
    public const string EventFeed = "EventFeed";
    public const string OrderNumber = "OrderNumber";

    public required string Name { get; set; }
    public long Value { get; set; }
}

public static class Counters
{
    /// <summary>
    /// Takes <paramref name="count"/> numbers with one atomic UPDATE … RETURNING and returns the last. The row stays
    /// locked until the surrounding transaction ends, so concurrent takers queue and a rollback leaves no gap.
    /// </summary>
    public static async Task<long> TakeAsync(this OrdersDbContext db, string name, int count, CancellationToken ct) =>
        (await db.Database.SqlQuery<long>(
            $"""UPDATE "Counters" SET "Value" = "Value" + {count} WHERE "Name" = {name} RETURNING "Value" AS "Value" """)
            .ToListAsync(ct)).Single();
}
