using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace OpenOrders.Api.WebConsole;

/// <summary>The language switch on every page: the choice is kept in a cookie for a year.</summary>
public sealed class LanguageModel(IHostEnvironment env) : ConsolePage
{
    public IActionResult OnGet() => Redirect(ConsoleSetup.Root);

    public IActionResult OnPost(string? language, string? returnUrl)
    {
        if (language is "en" or "nl")
            Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
                new CookieOptions
                {
                    Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax,
                    Secure = !env.IsDevelopment(), IsEssential = true, Path = ConsoleSetup.Root,
                });
        return LocalRedirect(
            returnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.Root, StringComparison.Ordinal)
                ? url : ConsoleSetup.Root);
    }
}
