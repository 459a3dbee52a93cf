using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Kiota.Abstractions.Serialization;
using OpenOrders.Client;
using OpenOrders.Client.Generated.Models;
using OpenOrders.Webhooks;

namespace OpenOrders.Api.Tests.Clients;

/// <summary>
/// The C# client keeps an enum value it does not know (the document says our enums may grow) instead of turning it
/// into null: a server on a real loopback port answers as a newer service would, with values this client lacks.
/// </summary>
public sealed class UnknownEnumValueTests
{
    private static readonly Guid OrderId = Guid.Parse("7b1c1f3e-3f5e-4a49-9d55-2f0c1c1a0a01");

    [Fact]
    public async Task A_value_the_client_does_not_know_is_kept_as_sent_and_known_ones_stay_typed()
    {
        await using var newer = await NewerService.StartAsync();
        var client = OpenOrdersClient.Create(newer.BaseUrl, "client", "secret");

        var order = (await client.Api.V1.Orders[OrderId].GetAsync())!;
        Assert.Null(order.Status);
        Assert.Equal("OnHold", order.UnknownValue("status"));
        Assert.Equal(OrderType.Course, order.OrderType);
        Assert.Null(order.UnknownValue("orderType"));
        Assert.Equal(InvoicedBy.Marketplace, order.InvoicedBy);
        var transition = Assert.Single(order.OrderStatusTransitions!);
        Assert.Equal("OnHold", transition.UnknownValue("status"));
        Assert.Equal("Weather", transition.UnknownValue("cancellationReason"));
        // kept where Kiota keeps what the document does not describe: written back as read, until a value is set
        var written = await KiotaJsonSerializer.SerializeAsStringAsync(order);
        Assert.Contains("\"status\":\"OnHold\"", written);
        Assert.Contains("\"orderType\":\"Course\"", written);
        order.Status = OrderStatus.Paid;
        using (var json = JsonDocument.Parse(await KiotaJsonSerializer.SerializeAsStringAsync(order)))
            Assert.Equal(["Paid"], json.RootElement.EnumerateObject().Where(p => p.Name == "status")
                .Select(p => p.Value.GetString()));
        Assert.Null(order.UnknownValue("status"));

        // A known value is written typed; a list read back keeps the value it does not know in its place.
        var refused = await Assert.ThrowsAsync<RefusedMoveProblem>(() => client.Api.V1.Orders[OrderId]
            .StatusTransitions.PostAsync(new StatusTransitionRequest { Status = OrderStatus.AcceptedProvider }));
        Assert.Equal("""{"status":"AcceptedProvider"}""", newer.LastBody);
        Assert.Equal([OrderStatus.AcceptedProvider, null], refused.AllowedStatuses!);
        Assert.Equal(["AcceptedProvider", "OnHold"], refused.UnknownValues("allowedStatuses")!);
        Assert.Null(refused.UnknownValue("allowedStatuses"));
    }

    [Fact]
    public async Task A_webhook_with_an_action_the_client_does_not_know_verifies_and_keeps_it()
    {
        const string secret = "a secret the subscriber gave";
        const string date = "2026-12-05T10:00:00.000Z", url = "http://x/api/v1/orders/1", nonce = "n-1";
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(date + "Archived" + url + nonce +
            secret)));
        var body = $$$"""
            {"resource":"orders","action":"Archived","dateNotification":"{{{date}}}","urlReference":"{{{url}}}",
             "webhookCallbackSecurity":{"nonce":"{{{nonce}}}","hash":"{{{hash}}}"}}
            """;

        Assert.True(WebhookVerifier.HashMatches(body, secret));
        var notification = await WebhookVerifier.Read(body);
        Assert.Equal(WebhookResource.Orders, notification.Resource);
        Assert.Null(notification.Action);
        Assert.Equal("Archived", notification.UnknownValue("action"));
    }

    /// <summary>Kestrel on 127.0.0.1 (the OS picks the port), answering as a service with more values would.</summary>
    private sealed class NewerService(WebApplication web) : IAsyncDisposable
    {
        private const string Order = """
            {"id":"7b1c1f3e-3f5e-4a49-9d55-2f0c1c1a0a01","status":"OnHold","orderType":"Course",
             "invoicedBy":"Marketplace","orderStatusTransitions":[{"status":"OnHold","cancellationReason":"Weather"}]}
            """;

        private const string Refusal = """
            {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"Conflict","status":409,
             "allowedStatuses":["AcceptedProvider","OnHold"]}
            """;

        public Uri BaseUrl { get; } = new(web.Urls.Single());

        /// <summary>The body of the last status transition asked for.</summary>
        public string? LastBody { get; private set; }

        public static async Task<NewerService> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var web = builder.Build();
            NewerService? service = null;
            web.MapPost("/oauth/token",
                () => Results.Json(new { access_token = "t", token_type = "Bearer", expires_in = 3600 }));
            web.MapGet("/api/v1/orders/{id}", () => Results.Text(Order, "application/json"));
            web.MapPost("/api/v1/orders/{id}/status-transitions", async (HttpRequest request) =>
            {
                service!.LastBody = await new StreamReader(request.Body).ReadToEndAsync();
                return Results.Text(Refusal, "application/problem+json", statusCode: 409);
            });
            await web.StartAsync();
            return service = new NewerService(web);
        }

        public async ValueTask DisposeAsync() => await web.DisposeAsync();
    }
}
