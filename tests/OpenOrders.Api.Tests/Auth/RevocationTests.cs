using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;

namespace OpenOrders.Api.Tests.Auth;

/// <summary>A revoked client's tokens stop working when it is revoked, not when they expire.</summary>
public abstract class RevocationTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task A_revoked_clients_token_is_refused_at_once_for_reading_and_writing()
    {
        var (admin, clientId, provider) = await NewProviderClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync("/api/v1/orders")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Subscribe(provider)).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/clients/{clientId}")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await provider.GetAsync("/api/v1/orders")).StatusCode);
        var subscribing = await Subscribe(provider);
        Assert.Equal(HttpStatusCode.Unauthorized, subscribing.StatusCode);
        Assert.Equal("application/problem+json", subscribing.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_revocation_made_by_another_instance_counts_here_within_a_second()
    {
        var (_, clientId, provider) = await NewProviderClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await provider.GetAsync("/api/v1/orders")).StatusCode);

        // Another instance revokes: the row changes, this instance's remembered answer does not.
        await app.WithDbAsync(db => db.ApiClients.Where(c => c.ClientId == clientId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DateRevoked, app.Time.GetUtcNow())));
        app.Time.Advance(LiveClients.CheckedFor);

        Assert.Equal(HttpStatusCode.Unauthorized, (await provider.GetAsync("/api/v1/orders")).StatusCode);
    }

    private async Task<(HttpClient Admin, string ClientId, HttpClient Provider)> NewProviderClientAsync()
    {
        var admin = await app.AdminAsync();
        var providerId = await TestWorld.CreateAsync(admin, "/api/v1/providers", new { name = "Ingetrokken" });
        var created = await (await admin.PostAsJsonAsync("/api/v1/clients",
            new { name = "to revoke", role = "Provider", tenantId = providerId })).Content.ReadFromJsonAsync<JsonElement>();
        var clientId = created.GetProperty("clientId").GetString()!;
        return (admin, clientId,
            await app.ClientWithTokenAsync(clientId, created.GetProperty("clientSecret").GetString()!));
    }

    private static Task<HttpResponseMessage> Subscribe(HttpClient client) =>
        client.PostAsJsonAsync("/api/v1/webhook-subscriptions",
            new { webhookId = Webhook.OrderCreated.Id, callbackUrl = "http://127.0.0.1:9/hooks" });
}

public sealed class SqliteRevocationTests(SqliteApp app) : RevocationTests<SqliteApp>(app);

public sealed class PostgresRevocationTests(PostgresApp app) : RevocationTests<PostgresApp>(app);
