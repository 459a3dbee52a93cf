using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Data;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Webhooks;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// A failed webhook attempt keeps its kind (a column of both databases), and the console words it from the kind, not
/// from the sender's English sentence: in the delivery log and for a test event, over HTTP.
/// </summary>
public abstract class DeliveryFailureTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task A_receiver_nobody_listens_at_is_said_to_be_unreachable_in_the_log_and_for_a_test_event()
    {
        var world = await TestWorld.CreateAsync(app);
        // A port that was free a moment ago: nobody listens, so the connection is refused.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var subscribed = await world.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions", new
        {
            webhookId = Webhook.OrderCreated.Id, callbackUrl = $"http://127.0.0.1:{port}/hooks",
        });
        var id = (await subscribed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        await WebhookWorker.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Services.GetRequiredService<WebhookDispatcher>(), "failure-test", CancellationToken.None);

        var attempt = await app.WithDbAsync(db => db.WebhookAttempts.SingleAsync(a => a.SubscriptionId == id));
        Assert.Equal(DeliveryFailure.NoConnection, attempt.Failure);
        Assert.Null(attempt.StatusCode);

        const string Unreachable = "No connection to the receiver: it refused, or cannot be reached.";
        var planner = await ConsoleHttp.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId));
        var log = WebUtility.HtmlDecode(await planner.Client.GetStringAsync($"/console/webhooks/{id}"));
        Assert.Contains(Unreachable, log);
        Assert.DoesNotContain("(ConnectionError)", log);

        var tested = await planner.PostFormAsync($"/console/webhooks/{id}?handler=Test", [],
            formPage: $"/console/webhooks/{id}");
        Assert.Equal(HttpStatusCode.Redirect, tested.StatusCode);
        var page = WebUtility.HtmlDecode(await planner.Client.GetStringAsync(tested.Headers.Location!));
        Assert.Contains("Test event not delivered", page);
        Assert.Contains(Unreachable, page);
    }
}

public sealed class SqliteDeliveryFailureTests(ManualSqliteApp app) : DeliveryFailureTests<ManualSqliteApp>(app);

public sealed class PostgresDeliveryFailureTests(ManualPostgresApp app) : DeliveryFailureTests<ManualPostgresApp>(app);

/// <summary>HttpClient's kinds of failure before an answer, as the attempt keeps them.</summary>
public sealed class DeliveryFailureKindsTests
{
    [Theory]
    [InlineData(HttpRequestError.NameResolutionError, DeliveryFailure.HostNotFound)]
    [InlineData(HttpRequestError.ConnectionError, DeliveryFailure.NoConnection)]
    [InlineData(HttpRequestError.SecureConnectionError, DeliveryFailure.SecureConnection)]
    [InlineData(HttpRequestError.ResponseEnded, DeliveryFailure.ConnectionClosed)]
    [InlineData(HttpRequestError.InvalidResponse, DeliveryFailure.Other)]
    [InlineData(HttpRequestError.Unknown, DeliveryFailure.Other)]
    public void HttpClients_errors_are_kept_as_kinds(HttpRequestError error, DeliveryFailure kind) =>
        Assert.Equal(kind, DeliveryFailures.Of(error));
}
