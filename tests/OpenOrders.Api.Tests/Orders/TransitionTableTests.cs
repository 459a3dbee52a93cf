using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// Over HTTP, for orders in many statuses: every move the table does not allow this role answers 409 with
/// exactly the table's allowed statuses, and leaves the order as it was. (The domain tests cover every triple.)
/// </summary>
public sealed class TransitionTableTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    [Fact]
    public async Task Every_move_the_table_refuses_is_409_with_the_allowed_statuses_and_changes_nothing()
    {
        var world = await TestWorld.CreateAsync(app);
        var orders = await OrdersInManyStatusesAsync(world);
        var clients = new Dictionary<Role, HttpClient>
            { [Role.Account] = world.Account, [Role.Provider] = world.Provider, [Role.Admin] = world.Admin };
        var checkedMoves = 0;

        foreach (var (status, id) in orders)
            foreach (var (role, client) in clients)
                foreach (var target in Enum.GetValues<OrderStatus>()
                    .Where(t => OrderStatusMachine.Find(status, t, role) is null))
                {
                    var response = await TransitionAsync(client, id, new { status = target.ToString(),
                        cancellationReason = "Other", adminCancellationReason = "Other" });
                    Assert.True(response.StatusCode == HttpStatusCode.Conflict,
                        $"{role} moving {status} → {target}: {(int)response.StatusCode}");
                    var allowed = (await response.Content.ReadFromJsonAsync<JsonElement>())
                        .GetProperty("allowedStatuses").EnumerateArray().Select(s => s.GetString());
                    Assert.Equal(OrderStatusMachine.AllowedTargets(status, role).Select(s => s.ToString()), allowed);
                    checkedMoves++;
                }

        foreach (var (status, id) in orders)
            Assert.Equal(status.ToString(), (await GetAsync(world.Admin, id)).GetProperty("status").GetString());
        Assert.True(checkedMoves > 300);
    }

    private async Task<Dictionary<OrderStatus, Guid>> OrdersInManyStatusesAsync(TestWorld world)
    {
        async Task<Guid> Valid(string startMoment = "SM-1") =>
            await Validated(GuideBody(world.AccountId, world.CourseId, startMoment));
        async Task<Guid> Validated(string body)
        {
            var id = (await CreateAsync(world.Account, body)).GetProperty("id").GetGuid();
            await WaitUntilValidatedAsync(world.Account, id);
            return id;
        }
        async Task Move(Guid id, HttpClient client, object body) =>
            Assert.Equal(HttpStatusCode.Created, (await TransitionAsync(client, id, body)).StatusCode);
        async Task<Guid> Accepted(string startMoment = "SM-1")
        {
            var id = await Valid(startMoment);
            await CompleteOrderLinesAsync(world.Provider, await GetAsync(world.Provider, id));
            await Move(id, world.Provider, new { status = "AcceptedProvider" });
            return id;
        }

        var result = new Dictionary<OrderStatus, Guid>
        {
            [OrderStatus.PendingProvider] = await Valid(),
            [OrderStatus.Invalid] = await Validated(GuideBody(world.AccountId, world.CourseId, "NOPE")),
            // Starts in 60 days, so it is not yet due for invoicing when the clock moves 31 days below.
            [OrderStatus.AcceptedProvider] = await Accepted("SM-2"),
        };
        var rejected = await Valid();
        await Move(rejected, world.Provider, new { status = "RejectedProvider", cancellationReason = "Other" });
        result[OrderStatus.RejectedProvider] = rejected;

        // PendingInvoice, Invoiced and Paid: accepted orders whose course has started.
        var toInvoice = new[] { await Accepted(), await Accepted(), await Accepted() };
        app.Time.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Invoicing.Invoices>()
                .MoveDueOrdersAsync(CancellationToken.None);
        await Move(toInvoice[1], world.Admin, new { status = "Invoiced" });
        await Move(toInvoice[2], world.Admin, new { status = "Invoiced" });
        await Move(toInvoice[2], world.Admin, new { status = "Paid" });
        result[OrderStatus.PendingInvoice] = toInvoice[0];
        result[OrderStatus.Invoiced] = toInvoice[1];
        result[OrderStatus.Paid] = toInvoice[2];
        return result;
    }
}
