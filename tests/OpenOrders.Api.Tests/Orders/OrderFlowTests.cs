using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Orders;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>The guide's order flow end to end over HTTP, with the background validation worker running.</summary>
public abstract class OrderFlowTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_guides_flow_from_creation_to_payment()
    {
        var created = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal("PendingValidation", created.GetProperty("status").GetString());
        Assert.InRange(created.GetProperty("orderNumber").GetInt32(), 10_000_000, 99_999_999);
        Assert.Equal("SM-1",
            created.GetProperty("customAttributes").GetProperty("firstChoiceStartMomentId").GetString());

        var order = await WaitUntilValidatedAsync(world.Account, id);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("errors").EnumerateArray());
        Assert.Equal($"http://localhost:5080/api/v1/courses/{world.CourseId}",
            order.GetProperty("productReference").GetProperty("url").GetString());
        Assert.Equal(world.ProviderId, order.GetProperty("providerReference").GetProperty("id").GetGuid());
        Assert.Equal(world.AssortmentId, order.GetProperty("assortmentReference").GetProperty("id").GetGuid());
        var lines = order.GetProperty("orderLines").EnumerateArray().ToList();
        // 250.50 + 52.605 → 52.61 VAT
        Assert.Equal([1210m, 303.11m], lines.Select(l => l.GetProperty("total").GetDecimal()));
        Assert.Equal(1513.11m, order.GetProperty("total").GetDecimal());
        var firstChoice = await StartMomentIdAsync(world.Provider, world.CourseId, "SM-1");
        Assert.Equal(app.Time.GetUtcNow().AddDays(30).Day, order.GetProperty("startMomentDay").GetInt32());

        // The provider sees it, completes the order lines, and accepts with the guide's alias.
        await CompleteOrderLinesAsync(world.Provider, await GetAsync(world.Provider, id));
        var accepted = await TransitionAsync(world.Provider, id, new { status = "AcceptedByProvider" });
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var transition = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AcceptedProvider", transition.GetProperty("status").GetString());
        Assert.Equal("Geaccepteerd door opleider", transition.GetProperty("statusDisplayValue").GetString());
        Assert.Equal(HttpStatusCode.OK,
            (await world.Account.GetAsync(transition.GetProperty("url").GetString())).StatusCode);
        order = await GetAsync(world.Account, id);
        Assert.Equal(firstChoice, order.GetProperty("acceptedStartMomentId").GetGuid());

        // Invoicing is due when the course starts; then the admin's invoice run, and the payment.
        app.Time.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Services.CreateAsyncScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<Invoicing.Invoices>()
                .MoveDueOrdersAsync(CancellationToken.None) >= 1);
        Assert.Equal("PendingInvoice", (await GetAsync(world.Admin, id)).GetProperty("status").GetString());

        var run = await (await world.Admin.PostAsync("/api/v1/invoice-runs", null)).Content
            .ReadFromJsonAsync<JsonElement>();
        var invoiceNumber = run.GetProperty("invoiced").EnumerateArray()
            .Single(i => i.GetProperty("orderId").GetGuid() == id).GetProperty("invoiceNumber").GetInt32();
        order = await GetAsync(world.Admin, id);
        Assert.Equal("Invoiced", order.GetProperty("status").GetString());
        Assert.Equal(invoiceNumber, order.GetProperty("invoiceNumber").GetInt32());

        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(world.Admin, id, new { status = "Paid" })).StatusCode);
        order = await GetAsync(world.Account, id);
        Assert.Equal("Paid", order.GetProperty("status").GetString());
        Assert.Equal(
            ["PendingValidation", "PendingProvider", "AcceptedProvider", "PendingInvoice", "Invoiced", "Paid"],
            order.GetProperty("orderStatusTransitions").EnumerateArray()
                .Select(t => t.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task Concurrent_invoice_moves_of_one_order_keep_one_invoice_number_and_leave_no_gap()
    {
        var orders = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
                .GetProperty("id").GetGuid();
            await CompleteOrderLinesAsync(world.Provider, await WaitUntilValidatedAsync(world.Provider, id));
            Assert.Equal(HttpStatusCode.Created,
                (await TransitionAsync(world.Provider, id, new { status = "AcceptedProvider" })).StatusCode);
            orders.Add(id);
        }
        app.Time.Advance(TimeSpan.FromDays(31));
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Invoicing.Invoices>()
                .MoveDueOrdersAsync(CancellationToken.None);

        // Five admins invoice the first order at once: one move wins; the others are refused and keep no number.
        var answers = await Task.WhenAll(Enumerable.Range(0, 5)
            .Select(_ => TransitionAsync(world.Admin, orders[0], new { status = "Invoiced" })));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.StatusCode,
            new[] { HttpStatusCode.Created, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed }));
        var first = (await GetAsync(world.Admin, orders[0])).GetProperty("invoiceNumber").GetInt32();

        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(world.Admin, orders[1], new { status = "Invoiced" })).StatusCode);
        Assert.Equal(first + 1, (await GetAsync(world.Admin, orders[1])).GetProperty("invoiceNumber").GetInt32());
    }

    [Fact]
    public async Task The_account_approval_path_and_a_rejection_with_its_reason()
    {
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PatchAsJsonAsync($"/api/v1/accounts/{world.AccountId}",
            new { requireAccountApproval = true })).StatusCode);
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-2")))
            .GetProperty("id").GetGuid();
        Assert.Equal("PendingAccount",
            (await WaitUntilValidatedAsync(world.Account, id)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, (await world.Admin.PatchAsJsonAsync($"/api/v1/accounts/{world.AccountId}",
            new { requireAccountApproval = false })).StatusCode);

        Assert.Equal(HttpStatusCode.Created, (await TransitionAsync(world.Account, id,
            new { status = "PendingProvider", message = "Akkoord manager" })).StatusCode);

        var withoutReason = await TransitionAsync(world.Provider, id, new { status = "RejectedProvider" });
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        Assert.True((await withoutReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("cancellationReason", out _));

        var rejected = await TransitionAsync(world.Provider, id,
            new { status = "RejectedProvider", cancellationReason = "NoAvailability", message = "Vol" });
        Assert.Equal(HttpStatusCode.Created, rejected.StatusCode);
        var transition = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Geen plaats beschikbaar", transition.GetProperty("cancellationReasonDisplayValue").GetString());
        Assert.Equal("RejectedProvider", (await GetAsync(world.Account, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_illegal_move_is_409_listing_the_allowed_statuses_and_changes_nothing()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var before = await WaitUntilValidatedAsync(world.Account, id);

        var response = await TransitionAsync(world.Provider, id, new { status = "Invoiced" });
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["AcceptedProvider", "RejectedProvider"],
            problem.GetProperty("allowedStatuses").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(before.GetProperty("version").GetInt32(),
            (await GetAsync(world.Account, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Accepting_before_the_order_lines_have_invoice_data_is_422_naming_the_lines()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        var response = await TransitionAsync(world.Provider, id, new { status = "AcceptedProvider" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("orderLines[1]", out _));
        Assert.True(errors.TryGetProperty("orderLines[2]", out _));
        Assert.Equal("PendingProvider", (await GetAsync(world.Account, id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task An_invalid_order_shows_all_its_errors_at_once()
    {
        var body = GuideBody(world.AccountId, world.CourseId, "NO-SUCH-MOMENT")
            .Replace("testuser@eduMS.nl", "not-an-email").Replace("1213PD", "12");
        var id = (await CreateAsync(world.Account, body)).GetProperty("id").GetGuid();
        var order = await WaitUntilValidatedAsync(world.Account, id);
        Assert.Equal("Invalid", order.GetProperty("status").GetString());
        Assert.Equal(["CustomerEmailInvalid", "PostalCodeInvalid", "StartMomentNotFound"],
            order.GetProperty("errors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).Order());
    }

    [Fact]
    public async Task Other_tenants_get_404_on_every_order_route_and_nothing_changes()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var order = await WaitUntilValidatedAsync(world.Account, id);
        var transitionUrl = order.GetProperty("orderStatusTransitions")[0].GetProperty("url").GetString();

        foreach (var stranger in new[] { world.OtherAccount, world.OtherProvider })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/orders/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(transitionUrl)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound,
                (await TransitionAsync(stranger, id, new { status = "CancelledAccount" })).StatusCode);
            Assert.DoesNotContain(id.ToString(), await stranger.GetStringAsync("/api/v1/orders"));
        }
        var line = await world.OtherProvider.PatchAsync($"/api/v1/orders/{id}/order-lines/1",
            JsonContent.Create(new { invoiceOnBehalfOfName = "X", invoiceOnBehalfOfVatNumber = "NL123456789B01" }));
        Assert.Equal(HttpStatusCode.NotFound, line.StatusCode);
        Assert.Equal(order.GetProperty("version").GetInt32(),
            (await GetAsync(world.Account, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task An_account_cannot_order_for_another_account_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Orders.CountAsync());
        var response = await world.Account.PostAsync("/api/v1/orders",
            JsonBody(GuideBody(world.OtherAccountId, world.CourseId, "SM-1")));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("accountReference", out _));
        Assert.Equal(before, await app.WithDbAsync(db => db.Orders.CountAsync()));
    }

    [Fact]
    public async Task An_idempotent_retry_gets_the_first_answer_and_a_different_body_gets_422()
    {
        var key = Guid.NewGuid().ToString();
        var body = GuideBody(world.AccountId, world.CourseId, "SM-1");
        var first = await CreateAsync(world.Account, body, key);
        var again = await CreateAsync(world.Account, body, key);
        Assert.Equal(first.GetProperty("id").GetGuid(), again.GetProperty("id").GetGuid());
        Assert.Equal(first.GetProperty("orderNumber").GetInt32(), again.GetProperty("orderNumber").GetInt32());
        Assert.Equal(1,
            await app.WithDbAsync(db => db.Orders.CountAsync(o => o.Id == first.GetProperty("id").GetGuid())));

        using var different = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders")
            { Content = JsonBody(body.Replace("SM-1", "SM-2")) };
        different.Headers.Add("Idempotency-Key", key);
        var response = await world.Account.SendAsync(different);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);

        // Keys are per client: another client may use the same key for its own order.
        var admin = await CreateAsync(world.Admin, body, key);
        Assert.NotEqual(first.GetProperty("id").GetGuid(), admin.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_key_used_again_after_it_expired_makes_a_new_order_and_expired_keys_are_removed()
    {
        var key = Guid.NewGuid().ToString();
        var once = Guid.NewGuid().ToString(); // used on the same day and never again
        var body = GuideBody(world.AccountId, world.CourseId, "SM-1");
        var first = (await CreateAsync(world.Account, body, key)).GetProperty("id").GetGuid();
        await CreateAsync(world.Account, body, once);

        app.Time.Advance(Idempotency.KeptFor + TimeSpan.FromMinutes(1));
        var second = (await CreateAsync(world.Account, body, key)).GetProperty("id").GetGuid();
        Assert.NotEqual(first, second);

        // The new order's answer is what the key replays now.
        using var retry = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonBody(body) };
        retry.Headers.Add("Idempotency-Key", key);
        var replayed = await world.Account.SendAsync(retry);
        Assert.Equal(HttpStatusCode.Created, replayed.StatusCode);
        Assert.True(replayed.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(second, (await replayed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());

        var kept = await app.WithDbAsync(db => db.IdempotencyRecords.Where(r => r.Key == key || r.Key == once)
            .Select(r => r.Key).ToListAsync());
        Assert.Equal([key], kept);
    }

    [Fact]
    public async Task Etags_give_304_for_an_unchanged_order_and_412_for_a_stale_if_match()
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        var response = await world.Account.GetAsync($"/api/v1/orders/{id}");
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);

        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/orders/{id}");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await world.Account.SendAsync(conditional)).StatusCode);

        var stale = await TransitionAsync(world.Account, id, new { status = "CancelledAccount" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var fresh = await TransitionAsync(world.Account, id, new { status = "CancelledAccount" }, ifMatch: etag.Tag);
        Assert.Equal(HttpStatusCode.Created, fresh.StatusCode);
    }

    [Fact]
    public async Task Malformed_orders_are_400_naming_each_property_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Orders.CountAsync());
        var cases = new (string Body, string Property)[]
        {
            (GuideBody(world.AccountId, world.CourseId, "SM-1").Replace($"\"{world.CourseId}\"", "\"{productId}\""),
                "productReference"),
            (GuideBody(world.AccountId, world.CourseId, "SM-1").Replace("\"houseNumber\": 7",
                "\"houseNumber\": \"seven\""), "customer.address.houseNumber"),
            (GuideBody(world.AccountId, world.CourseId, "SM-1").Replace("\"Course\"", "\"Seminar\""), "OrderType"),
            (GuideBody(world.AccountId, world.CourseId, "SM-1").Replace("\"1990-01-01\"", "\"01-01-1990\""),
                "customer.birthDate"),
            ("{ \"name\": \"geen cursus\" }", "productReference"),
        };
        foreach (var (body, property) in cases)
        {
            var response = await world.Account.PostAsync("/api/v1/orders", JsonBody(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            Assert.True(
                errors.EnumerateObject().Any(e => string.Equals(e.Name, property, StringComparison.OrdinalIgnoreCase)),
                $"{property} not named in {errors}");
        }
        Assert.Equal(before, await app.WithDbAsync(db => db.Orders.CountAsync()));
    }
}

public sealed class SqliteOrderFlowTests(SqliteApp app) : OrderFlowTests<SqliteApp>(app);

public sealed class PostgresOrderFlowTests(PostgresApp app) : OrderFlowTests<PostgresApp>(app);
