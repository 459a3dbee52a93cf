using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.Auth;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// Signing in answers the same, in the same time, whether the address belongs to nobody, to a disabled person or to
/// someone who typed a wrong password: an unknown address has a password hash checked too, and failures slow down
/// by the typed address and the source (<see cref="SignInFailures"/>), never by whether the address exists.
/// </summary>
public sealed class SignInModel(SignInManager<Person> signIn, SignInFailures failures, ILogger<SignInModel> log)
    : ConsolePage
{
    private static readonly Person Nobody = new() { UserName = "nobody" };
    private static readonly string NobodysHash = new PasswordHasher<Person>().HashPassword(Nobody, "not a password");

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
        var email = Email.Trim().ToLowerInvariant();
        var source = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (failures.WaitFor(email, source) is not null)
        {
            Problem = Text["Too many failed attempts. Try again in a few minutes."];
            return Page();
        }

        var person = await signIn.UserManager.FindByNameAsync(email);
        if (person is not null && await signIn.CanSignInAsync(person))
        {
            var result = await signIn.PasswordSignInAsync(person, Password, isPersistent: false,
                lockoutOnFailure: false);
            if (result.Succeeded)
            {
                failures.Succeeded(email, source);
                return LocalRedirect(Target());
            }
        }
        else
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodysHash, Password);
        }

        failures.Failed(email, source);
        // The typed address stays out of the log at this level: it may be someone's password typed in the wrong box.
        log.LogInformation("Console sign-in refused from {Source}", source);
        // One answer for a wrong password, an unknown address and a disabled person: nothing tells which it was.
        Problem = Text["The e-mail address or password is not right, or this person may not sign in."];
        return Page();
    }

    /// <summary>Back to the console page that sent the person here, never to another site.</summary>
    private string Target() =>
        ReturnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.Root, StringComparison.Ordinal)
            ? url
            : ConsoleSetup.Root;
}
