using System.Linq.Expressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;

namespace OpenOrders.Api.Catalog;

/// <summary>A create-or-change body of a tenant (account or provider): absent properties keep their value.</summary>
public interface ITenantRequest<in TTenant>
{
    Guid? Id { get; }
    string? Name { get; }
    void Validate(RequestErrors errors);
    void ApplyTo(TTenant tenant, DateTimeOffset now);
}

/// <summary>
/// What the endpoints of accounts and providers share, written once: reads of the tenants the caller sees (by name;
/// 404 for one it may not see), and the admin's writes: the checks, an id chosen by the caller (409 when taken), the
/// partial change of an existing one (404 when there is none).
/// </summary>
public static class TenantWrites
{
    public static async Task<Ok<ItemsResponse<TResponse>>> ListAsync<TTenant, TResponse>(
        IQueryable<TTenant> visible, Expression<Func<TTenant, string>> name, Func<TTenant, TResponse> respond,
        CancellationToken ct)
        => TypedResults.Ok(new ItemsResponse<TResponse>(
            [.. (await visible.OrderBy(name).ToListAsync(ct)).Select(respond)]));

    public static async Task<Results<Ok<TResponse>, ProblemHttpResult>> GetAsync<TTenant, TResponse>(
        Guid id, IQueryable<TTenant> visible, string noun, Func<TTenant, TResponse> respond, CancellationToken ct)
    {
        var tenant = await visible.SingleOrDefaultAsync(t => EF.Property<Guid>(t!, "Id") == id, ct);
        return tenant is null ? Problems.NotFound(noun, id) : TypedResults.Ok(respond(tenant));
    }

    public static async Task<Results<Created<TResponse>, ValidationProblem, ProblemHttpResult>>
        CreateAsync<TTenant, TResponse>(
            ITenantRequest<TTenant> body, OrdersDbContext db, DateTimeOffset now, string noun,
            Func<Guid, string, TTenant> create, Func<TTenant, TResponse> respond, Func<TResponse, string> url,
            CancellationToken ct)
        where TTenant : class
    {
        var errors = new RequestErrors();
        errors.Required(body.Name, "name");
        body.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var id = body.Id ?? Guid.CreateVersion7();
        if (await db.Set<TTenant>().FindAsync([id], ct) is not null)
            return Problems.Conflict(
                $"{(noun[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "An" : "A")} {noun} with id '{id}' already exists.");
        var tenant = create(id, body.Name!);
        body.ApplyTo(tenant, now);
        db.Set<TTenant>().Add(tenant);
        await db.SaveChangesAsync(ct);
        var response = respond(tenant);
        return TypedResults.Created(url(response), response);
    }

    public static async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>>
        UpdateAsync<TTenant, TResponse>(
            Guid id, ITenantRequest<TTenant> body, OrdersDbContext db, DateTimeOffset now, string noun,
            Func<TTenant, TResponse> respond, CancellationToken ct)
        where TTenant : class
    {
        var errors = new RequestErrors();
        if (body.Name is not null) errors.Required(body.Name, "name");
        if (body.Id is { } bodyId && bodyId != id) errors.Add("id", "Does not match the id in the URL.");
        body.Validate(errors);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var tenant = await db.Set<TTenant>().FindAsync([id], ct);
        if (tenant is null) return Problems.NotFound(noun, id);
        body.ApplyTo(tenant, now);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(respond(tenant));
    }
}
