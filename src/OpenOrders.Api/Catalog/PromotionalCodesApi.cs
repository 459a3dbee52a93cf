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

/// <summary>
/// Promotional codes, kept by the admin; an order that names one gets its discount on every line.
/// </summary>
public static class PromotionalCodesApi
{
    public static RouteGroupBuilder MapPromotionalCodesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/promotional-codes").WithTags("Promotional codes").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListCodes)
            .WithName("listPromotionalCodes")
            .WithDescription("Every promotional code and its discount.")
            .WithSummary("List promotional codes");
        group.MapPut("/{code}", PutCode)
            .WithName("putPromotionalCode")
            .WithDescription("Creates or changes a promotional code.")
            .WithSummary("Create or change a promotional code").ProducesValidationProblem();
        return group;
    }

    public static async Task<Ok<ItemsResponse<PromotionalCodeResponse>>> ListCodes(
        OrdersDbContext db, CancellationToken ct) =>
        TypedResults.Ok(new ItemsResponse<PromotionalCodeResponse>(
            [.. (await db.PromotionalCodes.AsNoTracking().OrderBy(c => c.Code).ToListAsync(ct))
                .Select(PromotionalCodeResponse.From)]));

    public static async Task<Results<Ok<PromotionalCodeResponse>, ValidationProblem>> PutCode(
        string code, PromotionalCodeRequest body, OrdersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (code.Length > 50) errors.Add("code", "At most 50 characters.");
        if (errors.Required(body.DiscountPercentage, "discountPercentage"))
            errors.Percentage(body.DiscountPercentage, "discountPercentage");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var existing = await db.PromotionalCodes.SingleOrDefaultAsync(c => c.Code == code, ct);
        if (existing is null)
            db.PromotionalCodes.Add(existing = new PromotionalCode { Code = code, DateCreated = time.GetUtcNow() });
        existing.DiscountPercentage = body.DiscountPercentage!.Value;
        existing.IsActive = body.IsActive ?? true;
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(PromotionalCodeResponse.From(existing));
    }
}

public sealed record PromotionalCodeRequest([Required] decimal? DiscountPercentage, bool? IsActive);

public sealed record PromotionalCodeResponse(string Code, decimal DiscountPercentage, bool IsActive)
{
    public static PromotionalCodeResponse From(PromotionalCode c) => new(c.Code, c.DiscountPercentage, c.IsActive);
}
