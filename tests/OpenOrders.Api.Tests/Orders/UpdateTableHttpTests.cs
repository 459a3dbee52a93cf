using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using OpenOrders.Domain.Tests.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// Over HTTP, for an order in each of seven statuses and each calling role: one merge patch that sets every property
/// is refused, naming exactly the properties the guide (<see cref="GuideTables"/>) does not let this role set there
/// (422), or 409 where the guide allows no update; and the order reads back byte for byte the same. The domain tests
/// apply every allowed combination too.
/// </summary>
public abstract class UpdateTableHttpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task A_patch_of_every_property_is_refused_naming_what_the_guide_forbids_and_changes_nothing()
    {
        var world = await TestWorld.CreateAsync(app);
        var orders = await OrdersInManyStatusesAsync(app, world);
        var clients = new Dictionary<Role, HttpClient>
            { [Role.Account] = world.Account, [Role.Provider] = world.Provider, [Role.Admin] = world.Admin };
        var everything = PatchOfEveryProperty().ToJsonString();
        var checkedRows = 0;

        foreach (var (status, id) in orders)
            foreach (var (role, client) in clients)
            {
                var before = await client.GetAsync($"/api/v1/orders/{id}");
                var body = await before.Content.ReadAsStringAsync();
                using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{id}")
                    { Content = new StringContent(everything, Encoding.UTF8, "application/merge-patch+json") };
                request.Headers.TryAddWithoutValidation("If-Match", before.Headers.ETag!.Tag);
                var response = await client.SendAsync(request);

                if (GuideTables.Updatable.Contains(status))
                {
                    Assert.True(response.StatusCode == HttpStatusCode.UnprocessableEntity,
                        $"{role} setting everything in {status}: {(int)response.StatusCode}");
                    var named = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
                        .EnumerateObject().Select(e => e.Name).ToHashSet();
                    var forbidden = OrderProperties.All.Select(p => p.Name)
                        .Where(p => !GuideTables.Settable(status, role).Contains(p)).ToHashSet();
                    Assert.True(forbidden.SetEquals(named), $"{role} in {status}: refused but allowed by the guide " +
                        $"[{string.Join(", ", named.Except(forbidden))}], forbidden by the guide but not refused " +
                        $"[{string.Join(", ", forbidden.Except(named))}]");
                }
                else
                    Assert.True(response.StatusCode == HttpStatusCode.Conflict,
                        $"{role} setting everything in {status}: {(int)response.StatusCode}");
                Assert.Equal(body, await client.GetStringAsync($"/api/v1/orders/{id}"));
                checkedRows++;
            }
        Assert.Equal(7 * 3, checkedRows);
    }

    /// <summary>A merge patch that sets every property (by its dotted path) to a value of the right type.</summary>
    private static JsonObject PatchOfEveryProperty()
    {
        var root = new JsonObject();
        foreach (var path in OrderProperties.All.Select(p => p.Name))
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
            var node = root;
            var parts = path.Split('.');
            foreach (var part in parts[..^1])
                node = node[part] as JsonObject ?? (JsonObject)(node[part] = new JsonObject());
            node[parts[^1]] = value;
        }
        return root;
    }
}

public sealed class SqliteUpdateTableHttpTests(SqliteApp app) : UpdateTableHttpTests<SqliteApp>(app);

public sealed class PostgresUpdateTableHttpTests(PostgresApp app) : UpdateTableHttpTests<PostgresApp>(app);
