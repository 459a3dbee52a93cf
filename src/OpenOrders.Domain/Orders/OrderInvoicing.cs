namespace OpenOrders.Domain.Orders;

/// <summary>When an accepted order is due for invoicing, and the status invoicing moves it to.</summary>
public sealed partial class Order
{
    /// <summary>The status invoicing moves an accepted order to, by who invoices the account.</summary>
    public OrderStatus InvoicingStatus => InvoicedBy switch
    {
        Catalog.InvoicedBy.Provider => OrderStatus.InvoicedByThirdParty,
        Catalog.InvoicedBy.DoNotInvoice => OrderStatus.NotInvoiced,
        _ => OrderStatus.PendingInvoice,
    };

    /// <summary>
    /// Invoicing is due on the start date (the accepted start moment's, else the first choice's), or at once for a
    /// self-planned course or one without a date. The one definition: an expression, so the invoicing pass asks the
    /// database with it and the domain's tests evaluate it.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Order, bool>> DueForInvoicing(DateTimeOffset now) => o =>
        o.Status == OrderStatus.AcceptedProvider
        && (o.Planning == Catalog.Planning.SelfPlanned
            || (o.AcceptedStartMomentDate ?? o.StartMomentDate) == null
            || (o.AcceptedStartMomentDate ?? o.StartMomentDate) <= now);
}
