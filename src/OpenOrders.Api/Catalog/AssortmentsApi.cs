using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Catalog;

/// <summary>Assortments: the admin writes them; an account reads the ones it may order from.</summary>
public static class AssortmentsApi
{
    public static RouteGroupBuilder MapAssortmentsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/assortments").WithTags("Assortments").RequireRoles(Role.Admin, Role.Account)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListAssortments)
            .WithName("listAssortments")
            .WithDescription("The assortments the caller may see.")
            .WithSummary("List assortments (an account sees the ones it is in)");
        group.MapGet("/{id:guid}", GetAssortment)
            .WithName("getAssortment")
            .WithDescription("One assortment, if the caller may see it.")
            .WithSummary("Get an assortment").ProducesProblem(404);
        group.MapPost("", CreateAssortment)
            .WithName("createAssortment")
            .WithDescription("Creates an assortment: which accounts may order which courses.")
            .RequireRoles(Role.Admin).WithSummary("Create an assortment")
            .ProducesValidationProblem().ProducesProblem(409);
        group.MapPatch("/{id:guid}", UpdateAssortment)
            .WithName("updateAssortment")
            .WithDescription("Changes an assortment's name, accounts or courses.")
            .RequireRoles(Role.Admin)
            .WithSummary("Change an assortment; accountIds and productIds, when sent, replace the lists")
            .ProducesValidationProblem().ProducesProblem(404);
        return group;
    }

    public static async Task<Ok<ItemsResponse<AssortmentResponse>>> ListAssortments(
        Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct)
    {
        var assortments = await CatalogQueries.AssortmentsOf(db, caller).OrderBy(a => a.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemsResponse<AssortmentResponse>(
            [.. assortments.Select(a => AssortmentResponse.From(a, caller, Links.BaseUrl(request)))]));
    }

    public static async Task<Results<Ok<AssortmentResponse>, ProblemHttpResult>> GetAssortment(
        Guid id, Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct)
    {
        var assortment = await CatalogQueries.AssortmentsOf(db, caller).SingleOrDefaultAsync(a => a.Id == id, ct);
        return assortment is null
            ? Problems.NotFound("assortment", id)
            : TypedResults.Ok(AssortmentResponse.From(assortment, caller, Links.BaseUrl(request)));
    }

    public static async Task<Results<Created<AssortmentResponse>, ValidationProblem, ProblemHttpResult>>
        CreateAssortment(AssortmentRequest body, Caller caller, OrdersDbContext db, TimeProvider time,
            HttpRequest request, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(body.Name, "name");
        await body.ValidateAsync(errors, db, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var id = body.Id ?? Guid.CreateVersion7();
        if (await db.Assortments.AnyAsync(a => a.Id == id, ct))
            return Problems.Conflict($"An assortment with id '{id}' already exists.");
        var now = time.GetUtcNow();
        var assortment = new Assortment { Id = id, Name = body.Name!, DateCreated = now };
        body.ApplyTo(assortment, now);
        db.Assortments.Add(assortment);
        await db.SaveChangesAsync(ct);
        var response = AssortmentResponse.From(assortment, caller, Links.BaseUrl(request));
        return TypedResults.Created(response.Url, response);
    }

    public static async Task<Results<Ok<AssortmentResponse>, ValidationProblem, ProblemHttpResult>> UpdateAssortment(
        Guid id, AssortmentRequest body, Caller caller, OrdersDbContext db, TimeProvider time, HttpRequest request,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (body.Name is not null) errors.Required(body.Name, "name");
        if (body.Id is { } bodyId && bodyId != id) errors.Add("id", "Does not match the id in the URL.");
        await body.ValidateAsync(errors, db, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var assortment = await db.Assortments.SingleOrDefaultAsync(a => a.Id == id, ct);
        if (assortment is null) return Problems.NotFound("assortment", id);
        body.ApplyTo(assortment, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AssortmentResponse.From(assortment, caller, Links.BaseUrl(request)));
    }
}

public sealed record AssortmentRequest(Guid? Id, [Required] string? Name, IReadOnlyList<Guid>? AccountIds,
    IReadOnlyList<Guid>? ProductIds)
{
    public async Task ValidateAsync(RequestErrors errors, OrdersDbContext db, CancellationToken ct)
    {
        if (AccountIds is { Count: > 0 })
        {
            var found = await db.Accounts.Where(a => AccountIds.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            foreach (var missing in AccountIds.Except(found))
                errors.Add("accountIds", $"There is no account with id '{missing}'.");
        }
        if (ProductIds is { Count: > 0 })
        {
            var found = await db.Products.Where(p => ProductIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct);
            foreach (var missing in ProductIds.Except(found))
                errors.Add("productIds", $"There is no course with id '{missing}'.");
        }
    }

    public void ApplyTo(Assortment assortment, DateTimeOffset now)
    {
        assortment.Name = Name?.Trim() ?? assortment.Name;
        if (AccountIds is not null) assortment.AccountIds = [.. AccountIds.Distinct()];
        if (ProductIds is not null) assortment.ProductIds = [.. ProductIds.Distinct()];
        assortment.DateModified = now;
    }
}

public sealed record AssortmentResponse(
    Guid Id, string Url, string Name, IReadOnlyList<Guid> AccountIds, IReadOnlyList<Guid> ProductIds,
    DateTimeOffset DateCreated, DateTimeOffset DateModified)
{
    /// <summary>
    /// An account is shown only itself among the assortment's accounts: the others are not its business.
    /// </summary>
    public static AssortmentResponse From(Assortment a, Caller caller, string baseUrl) => new(
        a.Id, Links.Assortment(baseUrl, a.Id), a.Name,
        caller.IsAdmin ? a.AccountIds : [.. a.AccountIds.Where(id => id == caller.TenantId)],
        a.ProductIds, a.DateCreated, a.DateModified);
}
