using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// "Forgot password?": a reset link goes by mail when the address is a person's; the page says the same either way,
/// so it does not tell who has an account.
/// </summary>
public sealed class ForgotPasswordModel(Invitations invitations) : ConsolePage
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await invitations.RequestPasswordResetAsync(Email, ct);
        Sent = true;
        return Page();
    }
}
