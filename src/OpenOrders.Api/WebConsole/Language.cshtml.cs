using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace OpenOrders.Api.WebConsole;

/// <summary>The language switch on every page: the choice is kept in a cookie for a year.</summary>
public sealed class LanguageModel(IHostEnvironment env, Data.OrdersDbContext db) : ConsolePage
{
    public IActionResult OnGet() => Redirect(ConsoleSetup.Root);

    public async Task<IActionResult> OnPostAsync(string? language, string? returnUrl, CancellationToken ct)
    {
        if (language is "en" or "nl")
        {
            Remember(Response, language, env);
            // A signed-in person's mail follows their console language.
            if (SignedIn is { } caller)
                await db.People.Where(p => p.Email == caller.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.Language, language), ct);
        }
        return LocalRedirect(
            returnUrl is { } url && Url.IsLocalUrl(url) && url.StartsWith(ConsoleSetup.Root, StringComparison.Ordinal)
                ? url : ConsoleSetup.Root);
    }

    public static void Remember(HttpResponse response, string language, IHostEnvironment env) =>
        response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            new CookieOptions
            {
                Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax,
                Secure = !env.IsDevelopment(), IsEssential = true, Path = ConsoleSetup.Root,
            });
}
