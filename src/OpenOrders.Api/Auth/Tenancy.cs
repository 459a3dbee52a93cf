using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

/// <summary>The one rule for who may hold which tenant: API clients and console people alike.</summary>
public static class Tenancy
{
    /// <summary>
    /// Accounts and providers name an existing account or provider; admins name none; nobody is System.
    /// </summary>
    public static async Task CheckAsync(OrdersDbContext db, Role? role, Guid? tenantId, RequestErrors errors,
        CancellationToken ct)
    {
        if (errors.Required(role, "role") && role == Role.System)
            errors.Add("role", "Must be one of: Account, Provider, Admin.");
        if (role is Role.Account or Role.Provider && errors.Required(tenantId, "tenantId"))
        {
            var exists = role == Role.Account
                ? await db.Accounts.AnyAsync(a => a.Id == tenantId, ct)
                : await db.Providers.AnyAsync(p => p.Id == tenantId, ct);
            if (!exists)
                errors.Add("tenantId", $"There is no {role.ToString()!.ToLowerInvariant()} with id '{tenantId}'.");
        }
        if (role == Role.Admin && tenantId is not null) errors.Add("tenantId", "An admin has no tenant.");
    }
}
