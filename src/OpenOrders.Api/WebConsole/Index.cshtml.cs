using Microsoft.AspNetCore.Mvc;

namespace OpenOrders.Api.WebConsole;

/// <summary>The console's root: each person lands on the orders that wait for them.</summary>
public sealed class IndexModel : ConsolePage
{
    public IActionResult OnGet() => Redirect(InboxModel.LandingUrl(Caller.Role));
}
