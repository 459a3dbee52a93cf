using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.Invoicing;

/// <summary>
/// Consecutive invoice numbers from one counter row. The atomic increment holds the row until the surrounding
/// transaction ends, so concurrent runs wait for each other and a rolled-back run leaves no gap.
/// </summary>
public static class InvoiceNumbers
{
    /// <summary>Takes <paramref name="count"/> numbers and returns the first.</summary>
    public static async Task<int> TakeAsync(OrdersDbContext db, int count, CancellationToken ct)
    {
        var last = await db.Database.SqlQuery<long>(
            $"""UPDATE "Counters" SET "Value" = "Value" + {count} WHERE "Name" = {Counter.InvoiceNumber} RETURNING "Value" AS "Value" """)
            .ToListAsync(ct);
        return checked((int)(last.Single() - count + 1));
    }
}
