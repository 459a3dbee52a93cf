using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Domain;

namespace OpenOrders.Api.WebConsole;

public sealed record Tenant(Guid Id, string Name);

/// <summary>The accounts and providers a person or client can belong to, by name, for lists and tables.</summary>
public sealed class TenantChoices
{
    private readonly Dictionary<Guid, string> names;

    private TenantChoices(IReadOnlyList<Tenant> accounts, IReadOnlyList<Tenant> providers)
    {
        (Accounts, Providers) = (accounts, providers);
        names = accounts.Concat(providers).ToDictionary(t => t.Id, t => t.Name);
    }

    public IReadOnlyList<Tenant> Accounts { get; }
    public IReadOnlyList<Tenant> Providers { get; }

    /// <summary>The roles a person or client can have: never System, which is the service itself.</summary>
    public static IReadOnlyList<Role> Roles { get; } = [Role.Account, Role.Provider, Role.Admin];

    public static async Task<TenantChoices> ReadAsync(OrdersDbContext db, CancellationToken ct) => new(
        await db.Accounts.AsNoTracking().OrderBy(a => a.Name).Select(a => new Tenant(a.Id, a.Name)).ToListAsync(ct),
        await db.Providers.AsNoTracking().OrderBy(p => p.Name).Select(p => new Tenant(p.Id, p.Name)).ToListAsync(ct));

    /// <summary>The tenant's name; its id when it is gone; a dash for none (admins).</summary>
    public string NameOf(Guid? id) => id is { } i ? names.GetValueOrDefault(i) ?? i.ToString() : "—";

    /// <summary>What a select list sent: empty, or anything but an id, is none (the tenancy rule says why).</summary>
    public static Guid? Parse(string? value) => Guid.TryParse(value, out var id) ? id : null;
}

/// <summary>The role and tenant fields of a form (clients and people have the same), with what was chosen.</summary>
public sealed record TenantFields(
    string IdPrefix, TenantChoices Choices, Role? Role, Guid? TenantId, FormErrors Errors);
