using System.Reflection;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Auth;

/// <summary>
/// Who is calling, read from the validated token (an API client) or the console's sign-in cookie (a person), never
/// from the body. Handlers take it as a parameter; every query they run is scoped by it. <see cref="Id"/> is the
/// client id, or the person's e-mail address.
/// </summary>
public sealed record Caller(string Id, Role Role, Guid? TenantId, ActorKind Kind = ActorKind.Client)
{
    public bool IsAdmin => Role == Role.Admin;

    /// <summary>Recorded on the transitions this caller makes.</summary>
    public Actor Actor => new(Kind, Id);

    /// <summary>The tenant of an account or provider client; admins have none.</summary>
    public Guid Tenant => TenantId ?? throw new InvalidOperationException($"A {Role} client has no tenant.");

    public static ValueTask<Caller?> BindAsync(HttpContext http, ParameterInfo _) => ValueTask.FromResult(From(http));

    public static Caller? From(HttpContext http)
    {
        var options = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AuthOptions>>()
            .Value;
        var user = http.User;
        if (user.Identity?.IsAuthenticated != true) return null;
        if (!Enum.TryParse<Role>(user.FindFirst(options.RoleClaim)?.Value, ignoreCase: true, out var role)
            || role == Role.System)
            return null;
        Guid? tenant = Guid.TryParse(user.FindFirst(options.TenantClaim)?.Value, out var t) ? t : null;
        if (role != Role.Admin && tenant is null) return null;
        var clientId = user.FindFirst(Claims.ClientId)?.Value ?? user.FindFirst("sub")?.Value ?? "unknown";
        return new Caller(clientId, role, tenant);
    }
}
