using System.Net;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>What the console's forms refuse, on both databases (PostgreSQL is where a NUL in text fails).</summary>
public abstract class ConsoleFormsTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;
    private ConsoleHttp planner = null!;
    private Guid order;

    public async Task InitializeAsync()
    {
        world = await TestWorld.CreateAsync(app);
        order = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, order);
        planner = await ConsoleHttp.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing()
    {
        var version = await VersionAsync();
        var post = await planner.Client.PostAsync($"/console/orders/{order}?handler=Move", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["version"] = version.ToString(), ["target"] = "RejectedProvider", ["cancellationReason"] = "Other",
            }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("The form could not be accepted", await post.Content.ReadAsStringAsync());
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_on_both_databases_alike()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Client.GetAsync("/console/orders?q=a%00b")).StatusCode);

        var version = await VersionAsync();
        var post = await planner.PostFormAsync($"/console/orders/{order}?handler=Move", new()
        {
            ["version"] = version.ToString(), ["target"] = "RejectedProvider", ["cancellationReason"] = "Other",
            ["message"] = "nul\u0000inside",
        }, formPage: $"/console/orders/{order}");
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(version, await VersionAsync());
    }

    private async Task<int> VersionAsync() =>
        (await GetAsync(world.Provider, order)).GetProperty("version").GetInt32();
}

public sealed class SqliteConsoleFormsTests(SqliteApp app) : ConsoleFormsTests<SqliteApp>(app);

public sealed class PostgresConsoleFormsTests(PostgresApp app) : ConsoleFormsTests<PostgresApp>(app);
