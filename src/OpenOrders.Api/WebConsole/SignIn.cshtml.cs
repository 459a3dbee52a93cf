using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

public sealed class SignInModel(SignInManager<Person> signIn, ILogger<SignInModel> log) : ConsolePage
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public string? Problem { get; private set; }

    public IActionResult OnGet() => SignedIn is null ? Page() : Redirect(Target());

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email) || string.IsNullOrEmpty(Password))
        {
            Problem = Text["Enter your e-mail address and password."];
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false,
            lockoutOnFailure: true);
        if (result.Succeeded) return LocalRedirect(Target());

        log.LogInformation("Console sign-in refused for {Email}: {Result}", Email.Trim(), result);
        // One answer for a wrong password, an unknown address and a disabled person: nothing tells which it was.
        Problem = result.IsLockedOut
            ? Text["Too many failed attempts. Try again in a few minutes."]
            : Text["The e-mail address or password is not right, or this person may not sign in."];
        return Page();
    }

    /// <summary>Back to the console page that sent the person here, never to another site.</summary>
    private string Target() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.Root, StringComparison.Ordinal)
            ? url
            : ConsoleSetup.Root;
}
