using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;

namespace OpenOrders.Api.Auth;

/// <summary>API clients, managed by the admin. A new client's secret is answered once and never again.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", CreateClient).WithSummary("Create an API client; the secret is shown once").ProducesValidationProblem();
        group.MapGet("", ListClients).WithSummary("List API clients (without secrets)");
        group.MapDelete("/{clientId}", RevokeClient).WithSummary("Revoke a client: it can get no new tokens").ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Created<NewClientResponse>, ValidationProblem>> CreateClient(
        ClientRequest body, OrdersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var errors = new RequestErrors();
        errors.Required(body.Name, "name");
        await Tenancy.CheckAsync(db, body.Role, body.TenantId, errors, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var secret = SecretHasher.NewSecret();
        var client = new ApiClient
        {
            ClientId = "client_" + Guid.NewGuid().ToString("N")[..20],
            Name = body.Name!.Trim(),
            Role = body.Role!.Value,
            TenantId = body.TenantId,
            SecretHash = SecretHasher.Hash(secret),
            DateCreated = time.GetUtcNow(),
        };
        db.ApiClients.Add(client);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/v1/clients/{client.ClientId}",
            new NewClientResponse(client.ClientId, secret, client.Name, client.Role, client.TenantId));
    }

    public static async Task<Ok<ClientsResponse>> ListClients(OrdersDbContext db, CancellationToken ct)
    {
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.ClientId).ToListAsync(ct);
        return TypedResults.Ok(new ClientsResponse([.. clients.Select(c => new ClientResponse(c.ClientId, c.Name, c.Role, c.TenantId, c.DateCreated, c.DateRevoked))]));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(string clientId, OrdersDbContext db, TimeProvider time, CancellationToken ct)
    {
        var client = await db.ApiClients.SingleOrDefaultAsync(c => c.ClientId == clientId, ct);
        if (client is null) return Problems.NotFound("client", clientId);
        client.DateRevoked ??= time.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }
}

public sealed record ClientRequest(string? Name, Role? Role, Guid? TenantId);

public sealed record NewClientResponse(string ClientId, string ClientSecret, string Name, Role Role, Guid? TenantId);

public sealed record ClientResponse(string ClientId, string Name, Role Role, Guid? TenantId, DateTimeOffset DateCreated, DateTimeOffset? DateRevoked);

public sealed record ClientsResponse(IReadOnlyList<ClientResponse> Items);
