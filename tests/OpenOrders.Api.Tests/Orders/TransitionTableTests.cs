using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using OpenOrders.Domain.Tests.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// Over HTTP, for an order in each of seven statuses and each calling role: a move the guide does not allow answers
/// 409 listing exactly the statuses the guide (<see cref="GuideTables"/>) lets this role move the order to, and
/// changes nothing. The list is the whole row, so one refused move per status and role is enough here; the domain
/// tests go through every (from, to, role).
/// </summary>
public abstract class TransitionTableTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    [Fact]
    public async Task A_refused_move_is_409_with_the_statuses_the_guide_allows_and_changes_nothing()
    {
        var world = await TestWorld.CreateAsync(app);
        var orders = await OrdersInManyStatusesAsync(app, world);
        var clients = new Dictionary<Role, HttpClient>
            { [Role.Account] = world.Account, [Role.Provider] = world.Provider, [Role.Admin] = world.Admin };
        var checkedRows = 0;

        foreach (var (status, id) in orders)
            foreach (var (role, client) in clients)
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
}

public sealed class SqliteTransitionTableTests(SqliteApp app) : TransitionTableTests<SqliteApp>(app);

public sealed class PostgresTransitionTableTests(PostgresApp app) : TransitionTableTests<PostgresApp>(app);
