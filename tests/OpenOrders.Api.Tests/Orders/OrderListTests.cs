using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Orders;

public abstract class OrderListTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Filters_find_orders_by_number_status_and_course()
    {
        var first = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var invalid = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "NOPE"));
        await WaitUntilValidatedAsync(world.Account, first.GetProperty("id").GetGuid());
        await WaitUntilValidatedAsync(world.Account, invalid.GetProperty("id").GetGuid());

        var byNumber = await Ids(world.Account,
            $"/api/v1/orders?orderNumber={first.GetProperty("orderNumber").GetInt32()}");
        Assert.Equal([first.GetProperty("id").GetGuid()], byNumber);
        var invalids = await Ids(world.Account, $"/api/v1/orders?status=Invalid&productId={world.CourseId}");
        Assert.Equal([invalid.GetProperty("id").GetGuid()], invalids);
        var both = await Ids(world.Provider,
            $"/api/v1/orders?status=Invalid&status=PendingProvider&accountId={world.AccountId}");
        Assert.Equal(2, both.Count);

        var bad = await world.Account.GetAsync("/api/v1/orders?status=Finished&limit=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("status", out _) && errors.TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task Accept_text_csv_answers_the_export_of_the_same_filters_and_refuses_paging()
    {
        var order = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var number = order.GetProperty("orderNumber").GetInt32();
        // Validated first: the two answers compared below must see the same state of the order.
        await WaitUntilValidatedAsync(world.Account, order.GetProperty("id").GetGuid());
        var path = $"/api/v1/orders?orderNumber={number}";

        async Task<HttpResponseMessage> GetAsync(string url, string accept)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.TryAddWithoutValidation("Accept", accept);
            return await world.Account.SendAsync(request);
        }

        var csv = await GetAsync(path, "text/csv");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var export = (await (await world.Account.GetAsync($"/api/v1/orders/export?orderNumber={number}")).Content
            .ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(export, lines);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith($"{number},", lines[1]);
        // Another account's orders are not in it, whatever the filter says.
        var stranger = await world.OtherAccount.SendAsync(new HttpRequestMessage(HttpMethod.Get, path)
            { Headers = { { "Accept", "text/csv" } } });
        Assert.Single((await stranger.Content.ReadAsStringAsync()).Split("\r\n",
            StringSplitOptions.RemoveEmptyEntries));

        // JSON when it ranks first or alike, or when nothing is asked for.
        foreach (var accept in new[] { "application/json, text/csv", "text/csv;q=0.5, application/*", "*/*" })
            Assert.Equal("application/json", (await GetAsync(path, accept)).Content.Headers.ContentType!.MediaType);
        Assert.Equal("text/csv",
            (await GetAsync(path, "application/json;q=0.2, text/csv")).Content.Headers.ContentType!.MediaType);

        var paged = await GetAsync(path + "&limit=5&status=Nope", "text/csv");
        Assert.Equal(HttpStatusCode.BadRequest, paged.StatusCode);
        Assert.Equal("application/problem+json", paged.Content.Headers.ContentType!.MediaType);
        var errors = (await paged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("limit", out _));
    }

    [Fact]
    public async Task The_query_is_read_in_camelCase_and_in_the_older_PascalCase_alike()
    {
        var order = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var number = order.GetProperty("orderNumber").GetInt32();
        var id = order.GetProperty("id").GetGuid();
        Assert.Equal([id], await Ids(world.Account, $"/api/v1/orders?orderNumber={number}"));
        Assert.Equal([id], await Ids(world.Account, $"/api/v1/orders?OrderNumber={number}"));
        var bad = await world.Account.GetAsync("/api/v1/orders?Limit=500");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task A_sync_by_updated_since_and_cursor_sees_every_order_even_while_others_are_written()
    {
        var since = app.Time.GetUtcNow().AddSeconds(-1);
        var expected = new HashSet<Guid>();
        for (var i = 0; i < 3; i++)
            expected.Add(await CreateValidatedAsync("SM-1"));
        app.Time.Advance(TimeSpan.FromSeconds(3));

        var seen = new HashSet<Guid>();
        var page = await world.Account.GetFromJsonAsync<JsonElement>(
            $"/api/v1/orders?limit=1&updatedSince={Uri.EscapeDataString(since.ToString("O"))}");
        while (true)
        {
            foreach (var order in page.GetProperty("items").EnumerateArray())
                seen.Add(order.GetProperty("id").GetGuid());
            // Someone writes while the client pages.
            if (seen.Count == 1) expected.Add(await CreateValidatedAsync("SM-2"));
            if (!page.GetProperty("hasMore").GetBoolean()) break;
            page = await world.Account.GetFromJsonAsync<JsonElement>(
                $"/api/v1/orders?limit=1&cursor={page.GetProperty("next").GetString()}");
        }

        // The client keeps its last cursor and comes back later: what was written meanwhile is there.
        app.Time.Advance(TimeSpan.FromSeconds(3));
        var later = await world.Account.GetFromJsonAsync<JsonElement>(
            $"/api/v1/orders?limit=200&cursor={page.GetProperty("next").GetString()}");
        foreach (var order in later.GetProperty("items").EnumerateArray()) seen.Add(order.GetProperty("id").GetGuid());

        Assert.Superset(expected, seen);
    }

    /// <summary>Validated before the clock moves on, so its last change falls where the test expects it.</summary>
    private async Task<Guid> CreateValidatedAsync(string startMoment)
    {
        var id = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, startMoment)))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, id);
        return id;
    }

    [Fact]
    public async Task A_date_filter_means_the_same_instant_whatever_offset_it_is_written_in()
    {
        var order = await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var id = order.GetProperty("id").GetGuid();
        var created = (await GetAsync(world.Account, id)).GetProperty("dateCreated").GetDateTimeOffset();

        // Thirty minutes before the order, written in UTC, at +01:00 and at -05:00: the order is after each of them.
        foreach (var offset in new[] { 0, 60, -300 })
        {
            var before = (created - TimeSpan.FromMinutes(30)).ToOffset(TimeSpan.FromMinutes(offset));
            var query = $"/api/v1/orders?productId={world.CourseId}&";
            var at = Uri.EscapeDataString(before.ToString("O"));
            Assert.Contains(id, await Ids(world.Account, query + "createdFrom=" + at));
            Assert.DoesNotContain(id, await Ids(world.Account, query + "createdTo=" + at));
        }
    }

    [Fact]
    public async Task A_cursor_that_was_not_given_out_is_400()
    {
        var response = await world.Account.GetAsync("/api/v1/orders?cursor=not-a-cursor");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<List<Guid>> Ids(HttpClient client, string url) =>
        [.. (await client.GetFromJsonAsync<JsonElement>(url)).GetProperty("items").EnumerateArray()
            .Select(o => o.GetProperty("id").GetGuid())];
}

public sealed class SqliteOrderListTests(SqliteApp app) : OrderListTests<SqliteApp>(app);

public sealed class PostgresOrderListTests(PostgresApp app) : OrderListTests<PostgresApp>(app);
