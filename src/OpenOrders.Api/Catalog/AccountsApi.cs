using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Catalog;

/// <summary>Accounts (employers): the admin writes them; an account reads only itself.</summary>
public static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/accounts").WithTags("Accounts").RequireRoles(Role.Admin, Role.Account)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListAccounts)
            .WithName("listAccounts")
            .WithDescription("The accounts the caller may see: all for an admin, its own for an account.")
            .WithSummary("List accounts (an account sees only itself)");
        group.MapGet("/{id:guid}", GetAccount)
            .WithName("getAccount")
            .WithDescription("One account, if the caller may see it.")
            .WithSummary("Get an account").ProducesProblem(404);
        group.MapPost("", CreateAccount)
            .WithName("createAccount")
            .WithDescription("Creates an account; only a name is needed, the settings take their defaults.")
            .RequireRoles(Role.Admin).WithSummary("Create an account")
            .ProducesValidationProblem().ProducesProblem(409);
        group.MapPatch("/{id:guid}", UpdateAccount)
            .WithName("updateAccount")
            .WithDescription("Changes an account's name or settings.")
            .RequireRoles(Role.Admin).WithSummary("Change an account's settings")
            .ProducesValidationProblem().ProducesProblem(404);
        return group;
    }

    public static Task<Ok<ItemsResponse<AccountResponse>>> ListAccounts(
        Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct) =>
        TenantWrites.ListAsync(db.Accounts.AsNoTracking().Visible(caller), a => a.Name,
            a => AccountResponse.From(a, Links.BaseUrl(request)), ct);

    public static Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAccount(
        Guid id, Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct) =>
        TenantWrites.GetAsync(id, db.Accounts.AsNoTracking().Visible(caller), "account",
            a => AccountResponse.From(a, Links.BaseUrl(request)), ct);

    public static Task<Results<Created<AccountResponse>, ValidationProblem, ProblemHttpResult>> CreateAccount(
        AccountRequest body, OrdersDbContext db, TimeProvider time, HttpRequest request, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        return TenantWrites.CreateAsync(body, db, now, "account",
            (id, name) => new Account { Id = id, Name = name, DateCreated = now },
            account => AccountResponse.From(account, Links.BaseUrl(request)), response => response.Url, ct);
    }

    public static Task<Results<Ok<AccountResponse>, ValidationProblem, ProblemHttpResult>> UpdateAccount(
        Guid id, AccountRequest body, OrdersDbContext db, TimeProvider time, HttpRequest request, CancellationToken ct)
        => TenantWrites.UpdateAsync(id, body, db, time.GetUtcNow(), "account",
            account => AccountResponse.From(account, Links.BaseUrl(request)), ct);
}

/// <summary>Create or change an account. On a change, absent properties keep their value.</summary>
public sealed record AccountRequest(
    Guid? Id, [Required] string? Name, bool? RequireAccountApproval, InvoicedBy? InvoicedBy,
    decimal? AccountFeePercentage,
    bool? IsConsumer, bool? NotifyStudents = null, string? Language = null) : ITenantRequest<Account>
{
    public void Validate(RequestErrors errors)
    {
        errors.Percentage(AccountFeePercentage, "accountFeePercentage");
        errors.Language(Language, "language");
    }

    public void ApplyTo(Account account, DateTimeOffset now)
    {
        account.Name = Name?.Trim() ?? account.Name;
        account.RequireAccountApproval = RequireAccountApproval ?? account.RequireAccountApproval;
        account.InvoicedBy = InvoicedBy ?? account.InvoicedBy;
        account.AccountFeePercentage = AccountFeePercentage ?? account.AccountFeePercentage;
        account.IsConsumer = IsConsumer ?? account.IsConsumer;
        account.NotifyStudents = NotifyStudents ?? account.NotifyStudents;
        account.Language = Language ?? account.Language;
        account.DateModified = now;
    }
}

public sealed record AccountResponse(
    Guid Id, string Url, string Name, bool RequireAccountApproval, InvoicedBy InvoicedBy, string InvoicedByDisplayValue,
    decimal AccountFeePercentage, bool IsConsumer, bool NotifyStudents, string Language, DateTimeOffset DateCreated,
    DateTimeOffset DateModified)
{
    public static AccountResponse From(Account a, string baseUrl) => new(
        a.Id, Links.Account(baseUrl, a.Id), a.Name, a.RequireAccountApproval, a.InvoicedBy,
        DisplayValues.Of(a.InvoicedBy), a.AccountFeePercentage, a.IsConsumer, a.NotifyStudents, a.Language,
        a.DateCreated, a.DateModified);
}
