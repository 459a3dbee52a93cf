using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out.
/// </summary>
public sealed class SignOutModel(SignInManager<Person> signIn) : ConsolePage
{
    public IActionResult OnGet() => Redirect(ConsoleSetup.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect("/console/sign-in");
    }
}
