using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// What the sweeps aim at: the test world with one validated order of the first account, its first transition, and
/// a webhook subscription of the first provider (to a port nobody listens on; workers are off in the sweeps).
/// </summary>
public static class SweptWorld
{
    public static async Task<(TestWorld World, Guid Order, string Transition, string Subscription)> CreateAsync(
        OrdersApp app)
    {
        var world = await TestWorld.CreateAsync(app);
        var order = (await OrderSteps.CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await ValidateOnceAsync(app);
        var transition = (await GetAsync(world.Provider, order)).GetProperty("orderStatusTransitions")[0]
            .GetProperty("id").GetString()!;
        var subscription = await (await world.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions", new
        {
            webhookId = OpenOrders.Api.Webhooks.Webhook.OrderCreated.Id, callbackUrl = "http://127.0.0.1:9/hooks",
        })).Content.ReadFromJsonAsync<JsonElement>();
        return (world, order, transition, subscription.GetProperty("id").GetString()!);
    }
}
