using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Validation;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// An order whose validation throws (its course's price row cannot be read) fails alone: its batch neighbours are
/// validated, it is retried with a backoff, then given up with a reason on the order, and an admin can retry it.
/// </summary>
public abstract class GivenUpValidationTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_validation_that_keeps_throwing_is_retried_given_up_shown_and_retried_by_an_admin_while_its_neighbours_go_on()
    {
        var poisoned = await TestWorld.CreateAsync(world.Provider, "/api/v1/courses",
            TestWorld.CourseBody("Vergiftigd", app.Time.GetUtcNow()));
        await TestWorld.CreateAsync(world.Admin, "/api/v1/assortments",
            new { name = "Met vergif", accountIds = new[] { world.AccountId }, productIds = new[] { poisoned } });
        await CorruptPricesAsync(poisoned, "Bogus");
        var good = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var bad = (await CreateAsync(world.Account, GuideBody(world.AccountId, poisoned, "SM-1")))
            .GetProperty("id").GetGuid();

        // One pass leases both: the good order is validated although its batch threw.
        Assert.Equal(2, await ValidateOnceAsync(app));
        Assert.Equal("PendingProvider", (await GetAsync(world.Account, good)).GetProperty("status").GetString());
        var job = await JobAsync(bad);
        Assert.Equal(1, job.Attempts);
        Assert.Null(job.DateDead);
        Assert.NotNull(job.LastError);
        Assert.True(job.DueAt > app.Time.GetUtcNow(), "A failed job waits before it is tried again.");
        Assert.Equal(0, await ValidateOnceAsync(app)); // not due yet

        for (var attempt = 2; attempt <= ValidationJob.MaxAttempts; attempt++)
        {
            app.Time.Advance(TimeSpan.FromMinutes(5));
            Assert.Equal(1, await ValidateOnceAsync(app));
        }
        job = await JobAsync(bad);
        Assert.NotNull(job.DateDead);
        app.Time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(0, await ValidateOnceAsync(app)); // a dead job is not leased again

        var order = await GetAsync(world.Account, bad);
        Assert.Equal("PendingValidation", order.GetProperty("status").GetString());
        var error = Assert.Single(order.GetProperty("errors").EnumerateArray());
        Assert.Equal(Order.ValidationNotCompletedCode, error.GetProperty("code").GetString());

        // Only an admin may retry, and only a given-up validation.
        Assert.Equal(HttpStatusCode.Forbidden,
            (await world.Account.PostAsync($"/api/v1/orders/{bad}/validation-retries", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await world.Admin.PostAsync($"/api/v1/orders/{good}/validation-retries", null)).StatusCode);
        await CorruptPricesAsync(poisoned, "CourseFee"); // the cause fixed
        Assert.Equal(HttpStatusCode.Accepted,
            (await world.Admin.PostAsync($"/api/v1/orders/{bad}/validation-retries", null)).StatusCode);

        Assert.Equal(1, await ValidateOnceAsync(app));
        order = await GetAsync(world.Account, bad);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("errors").EnumerateArray());
        Assert.False(await app.WithDbAsync(db => db.ValidationJobs.AnyAsync(j => j.OrderId == bad)));
    }

    private Task<ValidationJob> JobAsync(Guid orderId) =>
        app.WithDbAsync(db => db.ValidationJobs.AsNoTracking().SingleAsync(j => j.OrderId == orderId));

    private Task<int> CorruptPricesAsync(Guid productId, string costType) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"""UPDATE "PriceComponents" SET "CostType" = {costType} WHERE "ProductId" = {productId}"""));
}

public sealed class SqliteGivenUpValidationTests(ManualSqliteApp app) : GivenUpValidationTests<ManualSqliteApp>(app);

public sealed class PostgresGivenUpValidationTests(ManualPostgresApp app)
    : GivenUpValidationTests<ManualPostgresApp>(app);
