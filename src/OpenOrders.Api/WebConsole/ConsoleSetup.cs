using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.FileProviders;
using OpenOrders.Api.People;

namespace OpenOrders.Api.WebConsole;

/// <summary>
/// The console: Razor Pages under <c>/console</c>, served by the same app as the API. Pages need a signed-in person
/// (cookie only); admin pages need an admin. Console answers get HTML error pages, strict security headers and the
/// person's language; the API keeps its problem-details answers.
/// </summary>
public static class ConsoleSetup
{
    public const string Root = "/console";

    public static IServiceCollection AddOrdersConsole(this IServiceCollection services, IHostEnvironment env)
    {
        services.AddLocalization();
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/WebConsole";
            o.Conventions.AuthorizeFolder("/", PeopleSetup.ConsolePolicy);
            o.Conventions.AuthorizeFolder("/Admin", PeopleSetup.ConsoleAdminPolicy);
            foreach (var page in new[] { "/SignIn", "/SetPassword", "/ForgotPassword", "/Language", "/Error" })
                o.Conventions.AllowAnonymousToPage(page);
        });
        services.AddSingleton(sp => ConsoleTimeZone.From(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton<InboxCounts>();
        // TempData carries what a page shows once after its redirect, a new webhook secret among it.
        services.Configure<CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = "openorders.tempdata";
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        return services;
    }

    /// <summary>Before routing: what only console requests get.</summary>
    public static IApplicationBuilder UseOrdersConsole(this IApplicationBuilder app, IHostEnvironment env) =>
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Root), console =>
        {
            console.Use(SecurityHeaders);
            if (!env.IsDevelopment()) console.Use(HttpsOnly);
            console.UseExceptionHandler($"{Root}/error/500");
            console.UseStatusCodePagesWithReExecute($"{Root}/error/{{0}}");
            console.UseRequestLocalization(Localization());
            console.Use(WithoutNul);
            console.UseStaticFiles(new StaticFileOptions
            {
                RequestPath = $"{Root}/assets",
                FileProvider = new EmbeddedFileProvider(typeof(ConsoleSetup).Assembly, "console"),
                OnPrepareResponse = file => file.Context.Response.Headers.CacheControl = "public, max-age=3600",
            });
        });

    /// <summary>
    /// Outside Development the console's cookies are Secure, so it is served over HTTPS only: say so plainly rather
    /// than fail later. Behind a proxy that ends TLS, <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> passes the
    /// scheme on.
    /// </summary>
    private static Task HttpsOnly(HttpContext http, Func<Task> next)
    {
        if (http.Request.IsHttps) return next();
        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        http.Response.ContentType = "text/plain; charset=utf-8";
        return http.Response.WriteAsync("The console is served over HTTPS only. Behind a proxy that ends TLS, set " +
            "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so the service sees the original scheme.");
    }

    /// <summary>
    /// No text the console takes may hold U+0000 (PostgreSQL cannot store it): such a link or form is refused as
    /// malformed before a page sees it, as the API refuses such JSON.
    /// </summary>
    private static async Task WithoutNul(HttpContext http, Func<Task> next)
    {
        static bool HasNul(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
            values.Any(v => v.Key.Contains('\0') || v.Value.Any(x => x?.Contains('\0') == true));
        if (http.Request.Path.StartsWithSegments($"{Root}/error")) { await next(); return; } // the refusal's own page
        var refused = HasNul(http.Request.Query);
        if (!refused && http.Request.HasFormContentType)
        {
            try { refused = HasNul(await http.Request.ReadFormAsync(http.RequestAborted)); }
            catch (InvalidDataException) { refused = true; }
        }
        // the error page says the form was refused
        if (refused) http.Response.StatusCode = StatusCodes.Status400BadRequest;
        else await next();
    }

    /// <summary>Scripts only from here (none inline), no framing, no sniffing, no referrer beyond this site.</summary>
    private static Task SecurityHeaders(HttpContext http, Func<Task> next)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
            "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "same-origin";
        // Pages hold private data: never cached (and exactly as antiforgery wants it, so it need not override them).
        if (!http.Request.Path.StartsWithSegments($"{Root}/assets"))
            (headers.CacheControl, headers.Pragma) = ("no-cache, no-store", "no-cache");
        return next();
    }

    private static RequestLocalizationOptions Localization()
    {
        CultureInfo[] cultures = [new("en"), new("nl")];
        var options = new RequestLocalizationOptions
        {
            DefaultRequestCulture = new RequestCulture("en"),
            SupportedCultures = cultures,
            SupportedUICultures = cultures,
        };
        // The person's choice (a cookie) first, then the browser's languages by their primary tag ("nl-BE" is Dutch).
        options.RequestCultureProviders = [new CookieRequestCultureProvider(), new PrimaryLanguageProvider()];
        return options;
    }

    private sealed class PrimaryLanguageProvider : RequestCultureProvider
    {
        public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext http)
        {
            var languages = http.Request.GetTypedHeaders().AcceptLanguage
                .OrderByDescending(l => l.Quality ?? 1)
                .Select(l => l.Value.Value?.Split('-')[0].ToLowerInvariant())
                .Where(l => l is "en" or "nl")
                .ToList();
            return Task.FromResult(languages.Count == 0 ? null : new ProviderCultureResult(languages[0]!));
        }
    }
}
