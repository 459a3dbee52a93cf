using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Client;
using OpenOrders.Client.Generated;
using OpenOrders.Client.Generated.Models;
using OpenOrders.Webhooks;
using OpenOrders.Webhooks.Examples;

namespace OpenOrders.Api.Tests.Clients;

/// <summary>
/// The guide's whole flow through the generated C# client (clients/dotnet) against the real service: tokens from
/// client credentials, courses, an order created and validated, its order lines, a refused move with the statuses
/// allowed, the acceptance, a merge patch with If-Match from the last read, a 412 on a stale ETag, and a webhook
/// received by a real HTTP receiver and verified with OpenOrders.Webhooks.
/// </summary>
public abstract class CSharpClientFlowTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task The_guides_flow_runs_through_the_generated_client()
    {
        var world = await TestWorld.CreateAsync(app);
        var accountEtags = new LastReadETags();
        var providerEtags = new LastReadETags();
        var account = await ClientAsync("Account", world.AccountId, accountEtags);
        var provider = await ClientAsync("Provider", world.ProviderId, providerEtags);

        // The provider hears of new orders at a real HTTP receiver, which checks both signatures.
        var orderCreated = (await provider.Api.V1.Webhooks.GetAsync())!
            .Single(w => w.Resource == "orders" && w.Action == "Created");
        var port = FreePort();
        var subscription = (await provider.Api.V1.WebhookSubscriptions.PostAsync(new SubscriptionRequest
        {
            WebhookId = orderCreated.Id, CallbackUrl = $"http://127.0.0.1:{port}/hooks",
        }))!;
        await using var receiver = await StartReceiverAsync(port, subscription.SharedSecret!);

        // Courses the account may order, with their start moments.
        var course = Assert.Single((await account.Api.V1.Courses.GetAsync())!.Items!);
        var firstMoment = course.LearningMethod!.Planning!.StartMoments!.First(m => m.ExternalId == "SM-1");
        var secondMoment = course.LearningMethod.Planning.StartMoments!.First(m => m.ExternalId == "SM-2");

        var created = (await account.Api.V1.Orders.PostAsync(new CreateOrderRequest
        {
            ProductReference = course.Id,
            OrderType = OrderType.Course,
            Name = course.Name,
            Customer = new CustomerRequest
            {
                FirstName = "Test", Surname = "User", Email = "testuser@example.org",
                BirthDate = new Microsoft.Kiota.Abstractions.Date(1990, 1, 1),
                Address = new AddressRequest { Street = "Marathon", HouseNumber = 7, PostalCode = "1213PD",
                    City = "Hilversum", CountryCode = "NL" },
            },
            CustomAttributes = new CustomAttributesRequest
            {
                FirstChoiceStartMomentId = firstMoment.ExternalId, SecondChoiceStartMomentId = secondMoment.ExternalId,
            },
        }, c => c.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString())))!;
        Assert.Equal(OrderStatus.PendingValidation, created.Status);
        var id = created.Id!.Value;

        var order = await WaitUntilValidatedAsync(provider, id);
        Assert.Equal(OrderStatus.PendingProvider, order.Status);
        Assert.True(order.Total > 0m);

        // A move the table does not allow names the ones it does.
        var refused = await Assert.ThrowsAsync<RefusedMoveProblem>(() => provider.Api.V1.Orders[id].StatusTransitions
            .PostAsync(new StatusTransitionRequest { Status = OrderStatus.Invoiced }));
        Assert.Equal(409, refused.ResponseStatusCode);
        Assert.Equal([OrderStatus.AcceptedProvider, OrderStatus.RejectedProvider], refused.AllowedStatuses!);

        foreach (var line in order.OrderLines!)
            order = (await provider.Api.V1.Orders[id].OrderLines[line.SequenceNumber!.Value].PatchAsync(
                new OrderLineRequest
                {
                    InvoiceOnBehalfOfName = "Opleider BV", InvoiceOnBehalfOfVatNumber = "NL123456789B01",
                }))!;
        var accepted = (await provider.Api.V1.Orders[id].StatusTransitions.PostAsync(new StatusTransitionRequest
        {
            Status = OrderStatus.AcceptedProvider, Message = "Confirmed for the March group.",
        }))!;
        Assert.Equal(OrderStatus.AcceptedProvider, accepted.Status);
        Assert.Equal("Confirmed for the March group.", accepted.Message);

        // A merge patch with If-Match from the last read: the provider approves the second choice, written by its
        // externalId and read back by its id.
        var read = (await provider.Api.V1.Orders[id].GetAsync())!;
        var staleETag = providerEtags.For(id)!;
        Assert.Equal($"\"{read.Version}\"", staleETag);
        var patched = (await provider.Api.V1.Orders[id].PatchAsync(
            new OrderPatch { AcceptedStartMomentId = secondMoment.ExternalId }))!;
        Assert.Equal(secondMoment.Id, patched.AcceptedStartMomentId);
        Assert.Equal(read.Version + 1, patched.Version);

        // The same change against the version read before: 412, naming the current ETag.
        var stale = await Assert.ThrowsAsync<StaleOrderProblem>(() => provider.Api.V1.Orders[id].PatchAsync(
            new OrderPatch { ProviderPurchaseOrderReference = "PO-1" }, c => c.Headers.Add("If-Match", staleETag)));
        Assert.Equal(412, stale.ResponseStatusCode);
        Assert.Equal($"\"{patched.Version}\"", stale.CurrentETag);

        // The notification of the new order, verified by both signatures and typed.
        var (notification, messageId) = await receiver.NextAsync();
        Assert.StartsWith("msg_", messageId);
        Assert.Equal(WebhookResource.Orders, notification.Resource);
        Assert.Equal(WebhookAction.Created, notification.Action);
        Assert.Equal(id, notification.EventData!.Id);
        Assert.Equal(subscription.Id, notification.WebhookSubscriptionId);
    }

    [Fact]
    public async Task The_client_was_generated_from_the_document_the_service_serves()
    {
        // the served document as docs/openapi.json writes it (OpenApiDocumentTests keeps that file in step)
        var served = (await app.CreateClient().GetFromJsonAsync<System.Text.Json.Nodes.JsonNode>("/openapi/v1.json"))!
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true }).Replace("\r\n", "\n") + "\n";
        var hash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(served)));
        await using var stream = typeof(OpenOrdersApiClient).Assembly.GetManifestResourceStream("openapi.sha256")!;
        var generatedFrom = (await new StreamReader(stream).ReadToEndAsync()).Trim();
        Assert.True(hash == generatedFrom,
            "clients/dotnet was generated from another document than the one served: run clients/generate.");
        // and no member of it is untyped
        var untyped = typeof(OpenOrdersApiClient).Assembly.GetTypes()
            .SelectMany(t => t.GetProperties().Select(p => (t, p)))
            .Where(m => m.p.PropertyType.FullName?.Contains("UntypedNode", StringComparison.Ordinal) == true)
            .Select(m => $"{m.t.Name}.{m.p.Name}").ToList();
        Assert.Empty(untyped);
    }

    [Fact]
    public async Task A_forged_delivery_is_refused_by_the_verifier()
    {
        var secret = "whsec_" + Convert.ToBase64String(new byte[32]);
        var verifier = new WebhookVerifier(secret);
        var body = """
            {"resource":"orders","action":"Created","dateNotification":"2026-01-01T00:00:00.000Z",
             "urlReference":"http://x/api/v1/orders/1","webhookCallbackSecurity":{"nonce":"n","hash":"h"}}
            """;
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = "msg_1",
            ["webhook-timestamp"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(),
            ["webhook-signature"] = "v1,AAAA",
        };
        await Assert.ThrowsAsync<StandardWebhooks.Diagnostics.WebhookVerificationException>(
            () => verifier.VerifyAsync(body, headers));
        Assert.False(WebhookVerifier.HashMatches(body, secret));
        Assert.Equal(WebhookAction.Created, (await WebhookVerifier.Read(body)).Action);
    }

    private async Task<OpenOrdersApiClient> ClientAsync(string role, Guid tenant, LastReadETags etags)
    {
        var admin = await app.AdminAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/clients",
            new { name = $"{role} (C#)", role, tenantId = tenant });
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return OpenOrdersClient.Create(app.Server.BaseAddress, body.GetProperty("clientId").GetString()!,
            body.GetProperty("clientSecret").GetString()!, app.Server.CreateHandler(), etags);
    }

    private static async Task<OrderResponse> WaitUntilValidatedAsync(OpenOrdersApiClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var order = (await client.Api.V1.Orders[id].GetAsync())!;
            if (order.Status != OrderStatus.PendingValidation) return order;
            Assert.True(DateTime.UtcNow < deadline, "the order was not validated within 30 s");
            await Task.Delay(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The package's receiver example, on Kestrel at 127.0.0.1:port.</summary>
    private static async Task<HookReceiver> StartReceiverAsync(int port, string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var web = builder.Build();
        var received = Channel.CreateUnbounded<(WebhookNotification, string)>();
        web.MapOpenOrdersWebhooks("/hooks", secret,
            (n, messageId) => received.Writer.WriteAsync((n, messageId)).AsTask());
        await web.StartAsync();
        return new HookReceiver(web, received.Reader);
    }

    private sealed class HookReceiver(WebApplication web, ChannelReader<(WebhookNotification, string)> received)
        : IAsyncDisposable
    {
        public async Task<(WebhookNotification, string)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            return await received.ReadAsync(timeout.Token);
        }

        public async ValueTask DisposeAsync() => await web.DisposeAsync();
    }
}

public sealed class SqliteCSharpClientFlowTests(SqliteApp app) : CSharpClientFlowTests<SqliteApp>(app);

public sealed class PostgresCSharpClientFlowTests(PostgresApp app) : CSharpClientFlowTests<PostgresApp>(app);
