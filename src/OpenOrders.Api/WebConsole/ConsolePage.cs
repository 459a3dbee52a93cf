using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using OpenOrders.Api.Auth;
using OpenOrders.Api.People;
using OpenOrders.Domain.Enumerations;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// What every console page has: the signed-in person as a <see cref="Auth.Caller"/>, texts, formats, and the
/// outcome of the last action.
/// </summary>
public abstract class ConsolePage : PageModel
{
    private ConsoleFormat? format;
    private IStringLocalizer<ConsoleText>? text;
    private ConsoleWords? words;

    /// <summary>The person acting, with exactly the rules of an API client of the same role and tenant.</summary>
    public Caller Caller =>
        PersonClaims.CallerOf(User) ?? throw new InvalidOperationException("This page needs a signed-in person.");

    public Caller? SignedIn => PersonClaims.CallerOf(User);

    public DisplayLanguage Language => CultureInfo.CurrentUICulture.Name.StartsWith("nl", StringComparison.Ordinal)
        ? DisplayLanguage.Dutch
        : DisplayLanguage.English;

    public ConsoleFormat Format =>
        format ??= new(Language, HttpContext.RequestServices.GetRequiredService<ConsoleTimeZone>().Zone);

    public IStringLocalizer<ConsoleText> Text =>
        text ??= HttpContext.RequestServices.GetRequiredService<IStringLocalizer<ConsoleText>>();

    /// <summary>The service's own sentences (messages, refusals, findings) in the console's words.</summary>
    public ConsoleWords Words => words ??= new(Text, Format);

    /// <summary>
    /// The second step of an irreversible action, asked instead of acting; the layout draws it at the top of the page.
    /// </summary>
    public Confirmation? ConfirmStep { get; protected set; }

    /// <summary>What the last action did, shown once after its redirect (post, redirect, get).</summary>
    [TempData]
    public string? Outcome { get; set; }

    [TempData]
    public bool OutcomeFailed { get; set; }

    protected void Succeeded(string message) => (Outcome, OutcomeFailed) = (message, false);

    protected void Failed(string message) => (Outcome, OutcomeFailed) = (message, true);

    /// <summary>Another tenant's resource, or one that does not exist: the same page either way.</summary>
    protected IActionResult Missing() => NotFound();
}
