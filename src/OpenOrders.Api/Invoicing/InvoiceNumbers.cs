using OpenOrders.Api.Data;

namespace OpenOrders.Api.Invoicing;

/// <summary>
/// Consecutive invoice numbers from one counter row: concurrent runs wait for each other, a rollback leaves no gap.
/// </summary>
public static class InvoiceNumbers
{
    /// <summary>Takes <paramref name="count"/> numbers and returns the first.</summary>
    public static async Task<int> TakeAsync(OrdersDbContext db, int count, CancellationToken ct) =>
        checked((int)(await db.TakeAsync(Counter.InvoiceNumber, count, ct) - count + 1));
}
