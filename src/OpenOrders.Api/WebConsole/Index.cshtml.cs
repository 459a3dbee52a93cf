using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Data;
using OpenOrders.Api.Orders;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The console's root: each person lands on the first of their lists that holds any of their orders (what waits for
/// them, else what is open, else all), with its filter in the address.
/// </summary>
public sealed class IndexModel(OrdersDbContext db, InboxCounts counts) : ConsolePage
{
    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var everything = await Inbox.CountAsync(db, counts, Caller, new OrderSelection(), ct);
        return Redirect(new InboxQuery { Statuses = Inbox.Landing(Caller.Role, everything).Statuses }.Url());
    }
}
