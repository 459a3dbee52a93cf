using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;
using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

public static class AuthSetup
{
    public static IServiceCollection AddOrdersAuth(this IServiceCollection services, IConfiguration config,
        IHostEnvironment env)
    {
        var section = config.GetSection("Auth");
        services.Configure<AuthOptions>(section);
        var options = section.Get<AuthOptions>() ?? new AuthOptions();
        var external = !string.IsNullOrWhiteSpace(options.Authority);

        var signingKey = external ? null : SigningKey.Load(options, env);
        if (signingKey is not null)
        {
            services.AddSingleton(signingKey);
            services.AddSingleton<TokenIssuer>();
        }
        services.AddScoped<BootstrapAdmin>();
        services.AddSingleton<TokenFailures>();
        services.AddSingleton<SignInFailures>();
        services.AddScoped<Clients>();
        services.AddSingleton<LiveClients>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            jwt.MapInboundClaims = false;
            if (signingKey is null)
            {
                // An external OpenID Connect issuer: its metadata supplies the keys.
                jwt.Authority = options.Authority;
                jwt.Audience = options.ExternalAudience;
                jwt.TokenValidationParameters.RoleClaimType = options.RoleClaim;
                return;
            }
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = AuthOptions.Issuer,
                ValidAudience = AuthOptions.Audience,
                IssuerSigningKey = signingKey.Key,
                RoleClaimType = Claims.Role,
                ClockSkew = TimeSpan.FromSeconds(30),
            };
            // Why a token was refused ("the signature key was not found", its expiry) helps a developer and an
            // attacker alike: outside Development the challenge says only that the token is not valid.
            jwt.IncludeErrorDetails = env.IsDevelopment();
            jwt.Events = new JwtBearerEvents
            {
                // A valid signature is not enough: the client must not have been revoked since the token was issued.
                OnTokenValidated = async context =>
                {
                    var clientId = context.Principal?.FindFirst(Claims.ClientId)?.Value;
                    var live = context.HttpContext.RequestServices.GetRequiredService<LiveClients>();
                    if (clientId is null || !await live.IsLiveAsync(clientId, context.HttpContext.RequestAborted))
                        context.Fail("The client was revoked.");
                },
            };
        });

        // The remembering handler reads the service's clock, so a test that moves the clock moves it too.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((jwt, time) =>
            {
                jwt.TokenHandlers.Clear();
                jwt.TokenHandlers.Add(new RememberedTokens(time) { MapInboundClaims = false });
            });

        services.AddAuthorization(auth =>
        {
            foreach (var roles in Policies.AllRoleSets)
                auth.AddPolicy(Policies.NameOf(roles), p => p.RequireAuthenticatedUser()
                    .RequireAssertion(ctx => roles.Any(r => ctx.User.HasClaim(c =>
                        c.Type == options.RoleClaim
                        && string.Equals(c.Value, r.ToString(), StringComparison.OrdinalIgnoreCase)))));
            auth.FallbackPolicy = null;
        });
        return services;
    }
}

/// <summary>Role-based policies, one per set of roles, so endpoint groups can say who may call them.</summary>
public static class Policies
{
    private static readonly Role[] Callers = [Role.Account, Role.Provider, Role.Admin];

    public static IEnumerable<Role[]> AllRoleSets => Enumerable.Range(1, (1 << Callers.Length) - 1)
        .Select(mask => Callers.Where((_, i) => (mask & (1 << i)) != 0).ToArray());

    public static string NameOf(params Role[] roles) => "roles:" + string.Join(",", roles.Order());

    /// <summary>Only these roles may call the endpoints; anyone else gets 403.</summary>
    public static TBuilder RequireRoles<TBuilder>(this TBuilder builder, params Role[] roles)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(NameOf(roles));
}
