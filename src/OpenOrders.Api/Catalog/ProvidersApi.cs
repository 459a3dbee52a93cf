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
/// Providers (training institutes) with their legal companies: the admin writes them; a provider reads only itself.
/// </summary>
public static class ProvidersApi
{
    public static RouteGroupBuilder MapProvidersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/providers").WithTags("Providers").RequireRoles(Role.Admin, Role.Provider)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListProviders)
            .WithName("listProviders")
            .WithDescription("The providers the caller may see: all for an admin, its own for a provider.")
            .WithSummary("List providers (a provider sees only itself)");
        group.MapGet("/{id:guid}", GetProvider)
            .WithName("getProvider")
            .WithDescription("One provider with its legal companies, if the caller may see it.")
            .WithSummary("Get a provider").ProducesProblem(404);
        group.MapPost("", CreateProvider)
            .WithName("createProvider")
            .WithDescription("Creates a provider, optionally with its legal companies.")
            .RequireRoles(Role.Admin).WithSummary("Create a provider")
            .ProducesValidationProblem().ProducesProblem(409);
        group.MapPatch("/{id:guid}", UpdateProvider)
            .WithName("updateProvider")
            .WithDescription("Changes a provider's name, settings or legal companies.")
            .RequireRoles(Role.Admin)
            .WithSummary("Change a provider's settings; legalCompanies, when sent, replaces the list")
            .ProducesValidationProblem().ProducesProblem(404);
        return group;
    }

    public static Task<Ok<ItemsResponse<ProviderResponse>>> ListProviders(
        Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct) =>
        TenantWrites.ListAsync(db.Providers.AsNoTracking().Visible(caller), p => p.Name,
            p => ProviderResponse.From(p, Links.BaseUrl(request)), ct);

    public static Task<Results<Ok<ProviderResponse>, ProblemHttpResult>> GetProvider(
        Guid id, Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct) =>
        TenantWrites.GetAsync(id, db.Providers.AsNoTracking().Visible(caller), "provider",
            p => ProviderResponse.From(p, Links.BaseUrl(request)), ct);

    public static Task<Results<Created<ProviderResponse>, ValidationProblem, ProblemHttpResult>> CreateProvider(
        ProviderRequest body, OrdersDbContext db, TimeProvider time, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return TenantWrites.CreateAsync(body, db, now, "provider",
            (id, name) => new Provider { Id = id, Name = name, DateCreated = now },
            provider => ProviderResponse.From(provider, Links.BaseUrl(request)), response => response.Url, ct);
    }

    public static Task<Results<Ok<ProviderResponse>, ValidationProblem, ProblemHttpResult>> UpdateProvider(
        Guid id, ProviderRequest body, OrdersDbContext db, TimeProvider time, HttpRequest request, CancellationToken ct)
        => TenantWrites.UpdateAsync(id, body, db, time.GetUtcNow(), "provider",
            provider => ProviderResponse.From(provider, Links.BaseUrl(request)), ct);
}

/// <summary>Create or change a provider. On a change, absent properties keep their value.</summary>
public sealed record ProviderRequest(
    Guid? Id, [Required] string? Name, bool? CalculateProviderFee, decimal? ProviderFeePercentage, bool? IsVatExempt,
    IReadOnlyList<LegalCompanyRequest>? LegalCompanies, string? Language = null) : ITenantRequest<Provider>
{
    public void Validate(RequestErrors errors)
    {
        errors.Percentage(ProviderFeePercentage, "providerFeePercentage");
        errors.Language(Language, "language");
        for (var i = 0; i < (LegalCompanies?.Count ?? 0); i++)
        {
            var company = LegalCompanies![i];
            var at = $"legalCompanies[{i}]";
            if (company is null) { errors.Add(at, "Required."); continue; }
            errors.Required(company.Name, $"{at}.name");
            if (errors.Required(company.VatNumber, $"{at}.vatNumber", 20) && !VatNumber.IsPlausible(company.VatNumber))
                errors.Add($"{at}.vatNumber", "Not an EU VAT number, such as NL123456789B01.");
        }
    }

    public void ApplyTo(Provider provider, DateTimeOffset now)
    {
        provider.Name = Name?.Trim() ?? provider.Name;
        provider.CalculateProviderFee = CalculateProviderFee ?? provider.CalculateProviderFee;
        provider.ProviderFeePercentage = ProviderFeePercentage ?? provider.ProviderFeePercentage;
        provider.IsVatExempt = IsVatExempt ?? provider.IsVatExempt;
        provider.Language = Language ?? provider.Language;
        if (LegalCompanies is not null)
        {
            // Keep the ids of companies that stay, so invoice-on-behalf-of references on orders remain valid.
            var kept = provider.LegalCompanies.ToDictionary(c => c.Id);
            provider.LegalCompanies.Clear();
            foreach (var c in LegalCompanies)
            {
                var id = c.Id ?? Guid.CreateVersion7();
                var company = kept.GetValueOrDefault(id)
                    ?? new LegalCompany { Id = id, Name = c.Name!, VatNumber = c.VatNumber! };
                company.Name = c.Name!.Trim();
                company.VatNumber = VatNumber.Normalise(c.VatNumber!);
                company.MerchantId = c.MerchantId
                    ?? (company.MerchantId == Guid.Empty ? Guid.CreateVersion7() : company.MerchantId);
                provider.LegalCompanies.Add(company);
            }
        }
        provider.DateModified = now;
    }
}

public sealed record LegalCompanyRequest(
    Guid? Id, Guid? MerchantId, [Required] string? Name, [Required] string? VatNumber);

public sealed record ProviderResponse(
    Guid Id, string Url, string Name, bool CalculateProviderFee, decimal ProviderFeePercentage, bool IsVatExempt,
    IReadOnlyList<LegalCompanyResponse> LegalCompanies, string Language, DateTimeOffset DateCreated,
    DateTimeOffset DateModified)
{
    public static ProviderResponse From(Provider p, string baseUrl) => new(
        p.Id, Links.Provider(baseUrl, p.Id), p.Name, p.CalculateProviderFee, p.ProviderFeePercentage, p.IsVatExempt,
        [.. p.LegalCompanies.Select(c => new LegalCompanyResponse(c.Id, c.MerchantId, c.Name, c.VatNumber))],
        p.Language, p.DateCreated, p.DateModified);
}

public sealed record LegalCompanyResponse(Guid Id, Guid MerchantId, string Name, string VatNumber);
