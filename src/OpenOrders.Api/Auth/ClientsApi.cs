using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Api.Errors;
using OpenOrders.Domain;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Auth;

/// <summary>API clients, managed by the admin. A new client's secret is answered once and never again.</summary>
public static class ClientsApi
{
    public static RouteGroupBuilder MapClientsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/clients").WithTags("Clients").RequireRoles(Role.Admin)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapPost("", CreateClient)
            .WithName("createClient")
            .WithDescription("Creates an API client with a role and, for accounts and providers, a tenant. The " +
                "secret is in this answer only.")
            .WithSummary("Create an API client; the secret is shown once")
            .ProducesValidationProblem();
        group.MapGet("", ListClients)
            .WithName("listClients")
            .WithDescription("Every API client, without secrets.")
            .WithSummary("List API clients (without secrets)");
        group.MapDelete("/{clientId}", RevokeClient)
            .WithName("revokeClient")
            .WithDescription("Revokes a client: it gets no new tokens, and the tokens it has are refused from now on.")
            .WithSummary("Revoke a client: its tokens are refused at once")
            .ProducesProblem(404);
        return group;
    }

    public static async Task<Results<Created<NewClientResponse>, ValidationProblem>> CreateClient(
        ClientRequest body, Caller caller, Clients clients, CancellationToken ct)
    {
        var errors = new RequestErrors();
        if (await clients.CreateAsync(body.Name, body.Role, body.TenantId, errors, ct, caller.Actor) is not { } created)
            return Problems.Invalid(errors.ToDictionary());
        var client = created.Client;
        return TypedResults.Created($"/api/v1/clients/{client.ClientId}",
            new NewClientResponse(client.ClientId, created.Secret, client.Name, client.Role, client.TenantId));
    }

    public static async Task<Ok<ClientsResponse>> ListClients(Clients clients, CancellationToken ct) =>
        TypedResults.Ok(new ClientsResponse([.. (await clients.ListAsync(ct)).Select(c =>
            new ClientResponse(c.ClientId, c.Name, c.Role, c.TenantId, c.DateCreated, c.DateRevoked))]));

    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeClient(
        string clientId, Caller caller, Clients clients, CancellationToken ct) =>
        await clients.RevokeAsync(clientId, ct, caller.Actor) is null
            ? Problems.NotFound("client", clientId)
            : TypedResults.NoContent();
}

public sealed record ClientRequest([Required] string? Name, [Required] Role? Role, Guid? TenantId);

public sealed record NewClientResponse(string ClientId, string ClientSecret, string Name, Role Role, Guid? TenantId);

public sealed record ClientResponse(string ClientId, string Name, Role Role, Guid? TenantId, DateTimeOffset DateCreated,
    DateTimeOffset? DateRevoked);

public sealed record ClientsResponse(IReadOnlyList<ClientResponse> Items);
