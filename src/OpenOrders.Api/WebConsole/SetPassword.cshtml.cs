using Microsoft.AspNetCore.Mvc;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>Where an invitation link leads: the person chooses a password, then signs in.</summary>
public sealed class SetPasswordModel(Invitations invitations) : ConsolePage
{
    [BindProperty(SupportsGet = true, Name = "person")]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    /// <summary>A "forgot password?" link, whose token is of its own kind.</summary>
    [BindProperty(SupportsGet = true, Name = "reset")]
    public string? ResetFlag { get; set; }

    public bool Reset => ResetFlag is "1" or "true";

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? Confirmation { get; set; }

    public List<string> Problems { get; } = [];

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Password)) Problems.Add(Text["Enter a password."]);
        else if (Password != Confirmation) Problems.Add(Text["The two passwords differ."]);
        if (Problems.Count > 0) return Page();

        var result = await invitations.SetPasswordAsync(PersonId, Token ?? "", Password!, Reset);
        if (!result.Succeeded)
        {
            Problems.AddRange(result.Errors.Select(e => e.Code == "InvalidToken"
                ? (Reset
                    ? Text["This link is no longer valid: it was used already, or it expired. Ask for a new one with \"Forgot password?\"."]
                    : Text["This link is no longer valid: it was used already, or it expired. Ask an admin for a new one."])
                    .Value
                : e.Description));
            return Page();
        }
        Succeeded(Text["Your password is set. Sign in with it."]);
        return Redirect("/console/sign-in");
    }
}
