using Microsoft.AspNetCore.Mvc;

namespace OpenOrders.Api.WebConsole;

/// <summary>The console's root: each person lands on their orders (the inbox picks the list, see Inbox.Landing).</summary>
public sealed class IndexModel : ConsolePage
{
    public IActionResult OnGet() => Redirect("/console/orders");
}
