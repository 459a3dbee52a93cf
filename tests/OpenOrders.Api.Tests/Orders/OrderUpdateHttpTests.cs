using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

/// <summary>
/// PATCH /api/v1/orders/{id} over HTTP: the guide's start-moment scenarios, fixes, and the conditional-request rules.
/// </summary>
public abstract class OrderUpdateHttpTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    protected TestWorld World = null!;
    protected TApp App => app;

    public async Task InitializeAsync() => World = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Approving_the_second_start_moment_as_the_guide_says()
    {
        var body = Parse(GuideBody(World.AccountId, World.CourseId, "SM-1"));
        body["customAttributes"]!["SecondChoiceStartmomentId"] = "SM-2";
        var id = await AcceptedOrderAsync(body.ToJsonString());

        var second = await StartMomentIdAsync(World.Provider, World.CourseId, "SM-2");
        var response = await PatchAsync(World.Provider, id, new { acceptedStartMomentId = second });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var order = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
        Assert.Equal(second, order.GetProperty("acceptedStartMomentId").GetGuid());
        Assert.Equal(["acceptedStartMomentId"], await LastModifiedFieldsAsync(id));
    }

    [Fact]
    public async Task Approving_another_start_moment_validates_it_and_comes_back_accepted()
    {
        var id = await AcceptedOrderAsync(GuideBody(World.AccountId, World.CourseId, "SM-1"));
        var third = await StartMomentIdAsync(World.Provider, World.CourseId, "SM-3");

        var response = await PatchAsync(World.Provider, id, new { acceptedStartMomentId = third });
        Assert.Equal("PendingValidation",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

        var order = await WaitUntilValidatedAsync(World.Provider, id);
        Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
        Assert.Equal(third, order.GetProperty("acceptedStartMomentId").GetGuid());
        Assert.Contains("SM-3",
            order.GetProperty("orderStatusTransitions").EnumerateArray().Last().GetProperty("message").GetString());
    }

    [Fact]
    public async Task Another_start_moment_that_has_passed_leaves_the_order_accepted_as_it_was_and_says_why()
    {
        var id = await AcceptedOrderAsync(GuideBody(World.AccountId, World.CourseId, "SM-1"));
        var accepted = (await GetAsync(World.Provider, id)).GetProperty("acceptedStartMomentId").GetGuid();
        // The provider adds a start moment in the past to its course, and tries to accept the order for it.
        var course = TestWorld.CourseBody("Projectmanagement", app.Time.GetUtcNow());
        course["learningMethod"]!["planning"]!["startMoments"]!.AsArray().Add(new JsonObject
        {
            ["externalId"] = "SM-PAST", ["date"] = app.Time.GetUtcNow().AddDays(-3).ToString("O"),
            ["location"] = "Hilversum",
        });
        Assert.Equal(HttpStatusCode.OK,
            (await World.Provider.PutAsJsonAsync($"/api/v1/courses/{World.CourseId}", course)).StatusCode);

        await PatchAsync(World.Provider, id, new { acceptedStartMomentId = "SM-PAST" });
        var order = await WaitUntilValidatedAsync(World.Provider, id);

        Assert.Equal("AcceptedProvider", order.GetProperty("status").GetString());
        Assert.Equal(accepted, order.GetProperty("acceptedStartMomentId").GetGuid());
        Assert.Contains("not changed",
            order.GetProperty("orderStatusTransitions").EnumerateArray().Last().GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_start_moment_of_another_course_is_422_at_once()
    {
        var id = await AcceptedOrderAsync(GuideBody(World.AccountId, World.CourseId, "SM-1"));
        var foreign = await StartMomentIdAsync(World.OtherProvider, World.OtherCourseId, "SM-1");
        var before = await World.Provider.GetStringAsync($"/api/v1/orders/{id}");

        var response = await PatchAsync(World.Provider, id, new { acceptedStartMomentId = foreign });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(before, await World.Provider.GetStringAsync($"/api/v1/orders/{id}"));
    }

    [Fact]
    public async Task An_account_changing_its_choice_after_acceptance_sends_the_order_back_for_approval()
    {
        var id = await AcceptedOrderAsync(GuideBody(World.AccountId, World.CourseId, "SM-1"));
        var response = await PatchAsync(World.Account, id,
            new { customAttributes = new { firstChoiceStartMomentId = "SM-2" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var order = await WaitUntilValidatedAsync(World.Account, id);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, order.GetProperty("acceptedStartMomentId").ValueKind);
        Assert.Equal(await StartMomentIdAsync(World.Provider, World.CourseId, "SM-2"), await StartMomentOf(order));
    }

    [Fact]
    public async Task An_invalid_order_is_fixed_by_the_account_and_validated_again()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")
            .Replace("testuser@eduMS.nl", "broken"))).GetProperty("id").GetGuid();
        Assert.Equal("Invalid", (await WaitUntilValidatedAsync(World.Account, id)).GetProperty("status").GetString());

        Assert.Equal(HttpStatusCode.OK,
            (await PatchAsync(World.Account, id, new { customer = new { email = "fixed@example.nl" } })).StatusCode);

        var order = await WaitUntilValidatedAsync(World.Account, id);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        Assert.Empty(order.GetProperty("errors").EnumerateArray());
    }

    [Fact]
    public async Task If_match_is_required_and_a_stale_one_is_412()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(World.Account, id);

        var without = await World.Account.PatchAsync($"/api/v1/orders/{id}", MergePatch(new { costCentre = "CC-1" }));
        Assert.Equal((HttpStatusCode)428, without.StatusCode);
        Assert.Equal("application/problem+json", without.Content.Headers.ContentType?.MediaType);

        var stale = await PatchAsync(World.Account, id, new { costCentre = "CC-1" }, ifMatch: "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await GetAsync(World.Account, id)).GetProperty("costCentre").ValueKind);
    }

    [Fact]
    public async Task A_refused_property_is_422_naming_every_one_and_the_order_is_unchanged_byte_for_byte()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(World.Account, id);
        var before = await World.Account.GetStringAsync($"/api/v1/orders/{id}");

        var response = await PatchAsync(World.Account, id,
            new { costCentre = "CC-1", orderType = "Exam", providerPurchaseOrderReference = "P-1", total = 1 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        foreach (var name in new[] { "orderType", "providerPurchaseOrderReference", "total" })
            Assert.Contains(name, text);
        Assert.Equal(before, await World.Account.GetStringAsync($"/api/v1/orders/{id}"));
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_400_and_an_order_that_cannot_be_updated_is_409()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(World.Account, id);
        var wrong = await PatchAsync(World.Account, id,
            new { customer = new { address = new { houseNumber = "zeven" } } });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.True((await wrong.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("customer.address.houseNumber", out _));

        await TransitionAsync(World.Provider, id, new { status = "RejectedProvider", cancellationReason = "Other" });
        var closed = await PatchAsync(World.Account, id, new { costCentre = "CC-1" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("RejectedProvider", await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_change_records_its_modified_fields_in_the_same_transaction()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(World.Account, id);
        await PatchAsync(World.Account, id, new { purchaseOrderReference = "PO-7", customAttributes = new { } });

        Assert.Equal(["purchaseOrderReference"], await LastModifiedFieldsAsync(id));
        Assert.Equal("PO-7", (await GetAsync(World.Account, id)).GetProperty("purchaseOrderReference").GetString());
        var kinds = await app.WithDbAsync(db => db.OrderChanges.Where(c => c.OrderId == id).OrderBy(c => c.Position)
            .Select(c => c.Kind).ToListAsync());
        Assert.Equal([OrderChangeKind.Created, OrderChangeKind.StatusTransitioned, OrderChangeKind.Modified], kinds);
    }

    [Fact]
    public async Task An_accept_racing_a_cancel_ends_with_exactly_one_winner()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await CompleteOrderLinesAsync(World.Provider, await WaitUntilValidatedAsync(World.Provider, id));
        var etag = (await World.Provider.GetAsync($"/api/v1/orders/{id}")).Headers.ETag!.Tag;

        var results = await Task.WhenAll(
            TransitionAsync(World.Provider, id, new { status = "AcceptedProvider" }, etag),
            TransitionAsync(World.Account, id, new { status = "CancelledAccount" }, etag));

        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        var loser = results.Single(r => r.StatusCode != HttpStatusCode.Created);
        Assert.Contains(loser.StatusCode, new[] { HttpStatusCode.PreconditionFailed, HttpStatusCode.Conflict });
        Assert.Equal("application/problem+json", loser.Content.Headers.ContentType?.MediaType);

        // What is stored is the winner's move, and only it.
        var won = results[0].StatusCode == HttpStatusCode.Created ? "AcceptedProvider" : "CancelledAccount";
        var order = await GetAsync(World.Admin, id);
        Assert.Equal(won, order.GetProperty("status").GetString());
        var moves = order.GetProperty("orderStatusTransitions").EnumerateArray()
            .Select(t => t.GetProperty("status").GetString()).ToList();
        Assert.Equal(won, moves[^1]);
        Assert.DoesNotContain(won == "AcceptedProvider" ? "CancelledAccount" : "AcceptedProvider", moves);
    }

    [Fact]
    public async Task An_order_line_patch_honours_if_match()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var order = await WaitUntilValidatedAsync(World.Provider, id);
        var etag = (await World.Provider.GetAsync($"/api/v1/orders/{id}")).Headers.ETag!.Tag;
        var body = new { invoiceOnBehalfOfName = "Opleider BV", invoiceOnBehalfOfVatNumber = "NL123456789B01" };

        var stale = await LinePatchAsync(id, body, "\"1\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(order.GetProperty("version").GetInt32(),
            (await GetAsync(World.Provider, id)).GetProperty("version").GetInt32());

        var current = await LinePatchAsync(id, body, etag);
        Assert.Equal(HttpStatusCode.OK, current.StatusCode);
        var line = (await GetAsync(World.Provider, id)).GetProperty("orderLines")[0].GetProperty("invoiceOnBehalfOf");
        Assert.Equal("Opleider BV", line.GetProperty("name").GetString());
        Assert.Equal("NL123456789B01", line.GetProperty("vatNumber").GetString());
        Assert.NotEqual(etag, current.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Many_concurrent_patches_with_the_same_if_match_have_one_winner_and_lose_no_update()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(World.Account, id);
        var etag = (await World.Account.GetAsync($"/api/v1/orders/{id}")).Headers.ETag!.Tag;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12)
            .Select(i => PatchAsync(World.Account, id, new { costCentre = $"CC-{i}" }, etag)));

        var winners = responses.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
        Assert.Single(winners);
        Assert.All(responses.Except(winners), r => Assert.Equal(HttpStatusCode.PreconditionFailed, r.StatusCode));
        var winner = await winners[0].Content.ReadFromJsonAsync<JsonElement>();
        var stored = await GetAsync(World.Account, id);
        Assert.Equal(winner.GetProperty("costCentre").GetString(), stored.GetProperty("costCentre").GetString());
        Assert.Equal(winner.GetProperty("version").GetInt32(), stored.GetProperty("version").GetInt32());
    }

    private async Task<HttpResponseMessage> LinePatchAsync(Guid id, object body, string ifMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{id}/order-lines/1")
            { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await World.Provider.SendAsync(request);
    }

    protected async Task<Guid> AcceptedOrderAsync(string body)
    {
        var id = (await CreateAsync(World.Account, body)).GetProperty("id").GetGuid();
        await CompleteOrderLinesAsync(World.Provider, await WaitUntilValidatedAsync(World.Provider, id));
        Assert.Equal(HttpStatusCode.Created,
            (await TransitionAsync(World.Provider, id, new { status = "AcceptedByProvider" })).StatusCode);
        return id;
    }

    [Fact]
    public async Task A_start_moment_choice_longer_than_its_column_is_refused_with_422_and_nothing_changes()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var before = await WaitUntilValidatedAsync(World.Account, id);

        var response = await PatchAsync(World.Account, id,
            new { customAttributes = new { firstChoiceStartMomentId = new string('x', 150) } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["At most 100 characters."],
            problem.GetProperty("errors").GetProperty("customAttributes.firstChoiceStartMomentId")
                .EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(before.GetProperty("version").GetInt32(),
            (await GetAsync(World.Account, id)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task A_merge_patch_of_invalid_utf8_is_a_400_and_nothing_changes()
    {
        var id = (await CreateAsync(World.Account, GuideBody(World.AccountId, World.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        var before = await WaitUntilValidatedAsync(World.Account, id);
        byte[] body = [.. "{\"costCentre\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8];
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{id}")
            { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/merge-patch+json");
        request.Headers.TryAddWithoutValidation("If-Match", $"\"{before.GetProperty("version").GetInt32()}\"");

        var response = await World.Account.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before.GetProperty("version").GetInt32(),
            (await GetAsync(World.Account, id)).GetProperty("version").GetInt32());
    }

    protected async Task<HttpResponseMessage> PatchAsync(HttpClient client, Guid id, object patch,
        string? ifMatch = null)
    {
        ifMatch ??= (await client.GetAsync($"/api/v1/orders/{id}")).Headers.ETag!.Tag;
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/v1/orders/{id}")
            { Content = MergePatch(patch) };
        request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    protected static StringContent MergePatch(object patch) =>
        new(JsonSerializer.Serialize(patch), Encoding.UTF8, "application/merge-patch+json");

    private Task<List<string>> LastModifiedFieldsAsync(Guid id) =>
        app.WithDbAsync(db => db.OrderChanges.Where(c => c.OrderId == id).OrderByDescending(c => c.Position)
            .Select(c => c.ModifiedFields).FirstAsync());

    private async Task<Guid> StartMomentOf(JsonElement order) =>
        (await app.WithDbAsync(db => db.Orders.Where(o => o.Id == order.GetProperty("id").GetGuid())
            .Select(o => o.StartMomentId).SingleAsync()))!.Value;
}

public sealed class SqliteOrderUpdateHttpTests(SqliteApp app) : OrderUpdateHttpTests<SqliteApp>(app);

public sealed class PostgresOrderUpdateHttpTests(PostgresApp app) : OrderUpdateHttpTests<PostgresApp>(app);
