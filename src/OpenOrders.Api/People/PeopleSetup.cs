using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.People;

/// <summary>
/// People sign in to the console with ASP.NET Core Identity and a cookie; the API keeps its bearer tokens as the
/// default scheme, so a cookie never authenticates an API call and the console's policy names only the cookie.
/// </summary>
public static class PeopleSetup
{
    public const string ConsolePolicy = "console";
    public const string ConsoleAdminPolicy = "console-admin";
    public const string CookieName = "openorders.console";

    public static IServiceCollection AddOrdersPeople(this IServiceCollection services, IHostEnvironment env)
    {
        // Cookies, antiforgery tokens and invitation links are protected with keys every instance can read.
        services.AddDataProtection().SetApplicationName("OpenOrders").PersistKeysToDbContext<OrdersDbContext>();

        services.AddIdentityCore<Person>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 10;
                // No lockout per person: it told who exists and let anyone lock a person out by their address.
                // Wrong passwords slow down per typed address and source instead (SignInFailures).
                o.Lockout.AllowedForNewUsers = false;
                // "Confirmed" means: invited, password set, not disabled (PersonConfirmation).
                o.SignIn.RequireConfirmedAccount = true;
                o.ClaimsIdentity.RoleClaimType = Auth.Claims.Role;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<OrdersDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ResetTokens>(ResetTokens.Name)
            .AddClaimsPrincipalFactory<PersonClaims>();
        services.AddScoped<IUserConfirmation<Person>, PersonConfirmation>();
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = Invitations.LinkLifetime);

        services.AddAuthentication().AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.LoginPath = "/console/sign-in";
            o.LogoutPath = "/console/sign-out";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
            // Every request checks the person is still who signed in, so a disabled person is signed out at once.
            o.Events.OnValidatePrincipal = PersonStamp.ValidateAsync;
            // A page of another role answers as a missing one, exactly like another tenant's order.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            };
        }));
        services.AddAuthorizationBuilder()
            .AddPolicy(ConsolePolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireClaim(Auth.Claims.Role))
            .AddPolicy(ConsoleAdminPolicy, p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireClaim(Auth.Claims.Role, nameof(Domain.Role.Admin)));
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "openorders.antiforgery";
            o.Cookie.SecurePolicy = env.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        });
        services.AddScoped<Invitations>();
        return services;
    }
}

/// <summary>A person may sign in once they have set a password and while they are not disabled.</summary>
internal sealed class PersonConfirmation : IUserConfirmation<Person>
{
    public Task<bool> IsConfirmedAsync(UserManager<Person> manager, Person user) =>
        Task.FromResult(user.HasSetPassword && user.DateDisabled is null);
}
