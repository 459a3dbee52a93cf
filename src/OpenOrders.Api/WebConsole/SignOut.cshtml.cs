using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// Signing out is a POST (with its antiforgery token), so a link on another site cannot sign anyone out. It changes
/// the person's security stamp, so every cookie issued before it stops working, a copy taken elsewhere included (the
/// person is signed out on their other devices too).
/// </summary>
public sealed class SignOutModel(SignInManager<Person> signIn, UserManager<Person> people) : ConsolePage
{
    public IActionResult OnGet() => Redirect(ConsoleSetup.Root);

    public async Task<IActionResult> OnPostAsync()
    {
        if (await people.GetUserAsync(User) is { } person) await people.UpdateSecurityStampAsync(person);
        await signIn.SignOutAsync();
        return Redirect("/console/sign-in");
    }
}
