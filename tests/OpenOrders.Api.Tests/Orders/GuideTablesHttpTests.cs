using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
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
/// The status and update tables over HTTP, against the guide's written out by hand (<see cref="GuideTables"/>), for
/// an order in each of seven statuses and each calling role. Each answer names a whole row (the statuses a role may
/// move to, the properties it may not set), so one request per status and role checks it; the domain tests go
/// through every combination. Both checks are refused, so they share one set of orders.
/// </summary>
public abstract class GuideTablesHttpTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    // Per app: the facts of a class run one after the other on one app.
    private static readonly ConditionalWeakTable<OrdersApp, Task<(TestWorld, Dictionary<OrderStatus, Guid>)>> Orders
        = [];

    [Fact]
    public async Task A_refused_move_is_409_with_the_statuses_the_guide_allows_and_changes_nothing()
    {
        var (world, orders) = await OrdersAsync();
        var checkedRows = 0;
        foreach (var (status, id) in orders)
            foreach (var (role, client) in Clients(world))
            {
                var refused = Enum.GetValues<OrderStatus>().Where(t => !GuideTables.Allows(status, t, role)).ToList();
                var target = refused[checkedRows * 5 % refused.Count]; // a different refused target each time
                var response = await TransitionAsync(client, id, new
                {
                    status = target.ToString(), cancellationReason = "Other", adminCancellationReason = "Other",
                });
                Assert.True(response.StatusCode == HttpStatusCode.Conflict,
                    $"{role} moving {status} → {target}: {(int)response.StatusCode}");
                var allowed = (await response.Content.ReadFromJsonAsync<JsonElement>())
                    .GetProperty("allowedStatuses").EnumerateArray()
                    .Select(s => Enum.Parse<OrderStatus>(s.GetString()!)).Order().ToList();
                var guide = GuideTables.Targets(status, role).Order().ToList();
                Assert.True(guide.SequenceEqual(allowed), $"{role} in {status}: the guide allows " +
                    $"[{string.Join(", ", guide)}], the API [{string.Join(", ", allowed)}]");
                checkedRows++;
            }

        foreach (var (status, id) in orders)
            Assert.Equal(status.ToString(), (await GetAsync(world.Admin, id)).GetProperty("status").GetString());
        Assert.Equal(7 * 3, checkedRows);
    }

    [Fact]
    public async Task A_patch_of_every_property_is_refused_naming_what_the_guide_forbids_and_changes_nothing()
    {
        var (world, orders) = await OrdersAsync();
        var everything = PatchOfEveryProperty().ToJsonString();
        var checkedRows = 0;
        foreach (var (status, id) in orders)
            foreach (var (role, client) in Clients(world))
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

    private Task<(TestWorld, Dictionary<OrderStatus, Guid>)> OrdersAsync() =>
        Orders.GetValue(app, async a =>
        {
            var world = await TestWorld.CreateAsync(a);
            return (world, await OrdersInManyStatusesAsync(a, world));
        });

    private static Dictionary<Role, HttpClient> Clients(TestWorld world) =>
        new() { [Role.Account] = world.Account, [Role.Provider] = world.Provider, [Role.Admin] = world.Admin };

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

public sealed class SqliteGuideTablesHttpTests(SqliteApp app) : GuideTablesHttpTests<SqliteApp>(app);

public sealed class PostgresGuideTablesHttpTests(PostgresApp app) : GuideTablesHttpTests<PostgresApp>(app);
