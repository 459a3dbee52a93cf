using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OpenOrders.Api.Data;

namespace OpenOrders.Api.People;

/// <summary>
/// The cookie is honoured only while the person's security stamp is the one it was issued with and the person is
/// not disabled: one small query per request. Identity's own validator does this too, but it rebuilds the principal
/// (two queries) and re-issues the cookie on every request when asked to check each time.
/// </summary>
public static class PersonStamp
{
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var http = context.HttpContext;
        var claims = http.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var principal = context.Principal!;
        if (Guid.TryParse(principal.FindFirstValue(claims.UserIdClaimType), out var id)
            && principal.FindFirstValue(claims.SecurityStampClaimType) is { } stamp)
        {
            var db = http.RequestServices.GetRequiredService<OrdersDbContext>();
            var current = await db.People.AsNoTracking().Where(p => p.Id == id)
                .Select(p => new { p.SecurityStamp, p.DateDisabled }).SingleOrDefaultAsync(http.RequestAborted);
            if (current is { DateDisabled: null } && current.SecurityStamp == stamp) return;
        }
        context.RejectPrincipal();
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
    }
}
