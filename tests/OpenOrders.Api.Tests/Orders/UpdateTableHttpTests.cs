using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// Over HTTP, for orders in several statuses: every property a role may not set there is refused (422, or 409
/// when the status allows no updates) and the order reads back byte for byte the same. The domain tests cover
/// every combination, the allowed ones included.
/// </summary>
public sealed class UpdateTableHttpTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_refused_property_leaves_the_order_byte_for_byte_unchanged()
    {
        var world = await TestWorld.CreateAsync(app);
        var clients = new Dictionary<Role, HttpClient>
            { [Role.Account] = world.Account, [Role.Provider] = world.Provider, [Role.Admin] = world.Admin };
        var pendingProvider = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, pendingProvider);
        var rejected = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, rejected);
        await TransitionAsync(world.Provider, rejected,
            new { status = "RejectedProvider", cancellationReason = "Other" });
        var orders = new Dictionary<OrderStatus, Guid>
            { [OrderStatus.PendingProvider] = pendingProvider, [OrderStatus.RejectedProvider] = rejected };

        var checkedCount = 0;
        foreach (var (status, id) in orders)
            foreach (var (role, client) in clients)
                foreach (var property in OrderProperties.All
                    .Where(p => !OrderUpdateRules.Settable(status, role).Contains(p.Name)))
                {
                    var before = await client.GetAsync($"/api/v1/orders/{id}");
                    var body = await before.Content.ReadAsStringAsync();
                    using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{id}")
                    {
                        Content = new StringContent(Patch(property.Name).ToJsonString(), Encoding.UTF8,
                            "application/merge-patch+json"),
                    };
                    request.Headers.TryAddWithoutValidation("If-Match", before.Headers.ETag!.Tag);
                    var response = await client.SendAsync(request);

                    var expected = OrderUpdateRules.Updatable.Contains(status)
                        ? HttpStatusCode.UnprocessableEntity
                        : HttpStatusCode.Conflict;
                    Assert.True(response.StatusCode == expected,
                        $"{role} setting {property.Name} in {status}: {(int)response.StatusCode}");
                    Assert.Equal(body, await client.GetStringAsync($"/api/v1/orders/{id}"));
                    checkedCount++;
                }
        Assert.True(checkedCount > 100);
    }

    /// <summary>A merge patch that sets one property (by its dotted path) to a value of the right type.</summary>
    private static JsonObject Patch(string path)
    {
        JsonNode value = path switch
        {
            "productReference" => Guid.NewGuid().ToString(),
            "orderType" => "Exam",
            "customer.birthDate" => "1985-05-05",
            "customer.address.houseNumber" => 99,
            "customer.email" => "nieuw@example.nl",
            _ => "nieuw",
        };
        var root = new JsonObject();
        var node = root;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            var child = new JsonObject();
            node[part] = child;
            node = child;
        }
        node[parts[^1]] = value;
        return root;
    }
}
