using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Hosting;
using OpenOrders.Api.Validation;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>The steps of the order flow, over HTTP, as an integrator would take them.</summary>
public static class OrderSteps
{
    /// <summary>
    /// The guide's example body, as written there (mixed case, house number as a number), for this world.
    /// </summary>
    public static string GuideBody(Guid accountId, Guid productId, string startMomentId) => $$"""
        {
        "accountReference": "{{accountId}}",
        "productReference": "{{productId}}",
        "OrderType": "Course",
        "name": "Test course for testing orders",
        "customer": {
        "firstName": "Test",
        "middleName": null,
        "surname": "User",
        "birthDate": "1990-01-01",
        "birthCity": "Hilversum",
        "birthCountryCode": "NL",
        "email": "testuser@eduMS.nl",
        "phoneNumber": "+31612345678",
        "company": "EduMS",
        "department": null,
        "address": {
        "street": "Marathon",
        "houseNumber": 7,
        "houseNumberAdditive": "",
        "postalCode": "1213PD",
        "city": "Hilversum",
        "countryCode": "NL"
        }
        },
        "customAttributes": {
        "FirstChoiceStartmomentId": "{{startMomentId}}"
        }
        }
        """;

    public static StringContent JsonBody(string text) => new(text, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> CreateAsync(HttpClient client, string body, string? idempotencyKey = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/orders") { Content = JsonBody(body) };
        if (idempotencyKey is not null) request.Headers.Add("Idempotency-Key", idempotencyKey);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST /api/v1/orders answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, Guid id) =>
        await client.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{id}");

    /// <summary>
    /// Polls until the order leaves PendingValidation (the worker is woken by the commit), with a deadline.
    /// </summary>
    public static async Task<JsonElement> WaitUntilValidatedAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var order = await GetAsync(client, id);
            if (order.GetProperty("status").GetString() != "PendingValidation") return order;
            Assert.True(DateTime.UtcNow < deadline, $"Order {id} was still PendingValidation after 30 s.");
            await Task.Delay(10);
        }
    }

    /// <summary>One pass of the validation worker, as a given instance.</summary>
    public static Task<int> ValidateOnceAsync(OrdersApp app, string owner = "test-worker") =>
        ValidationWorker.RunOnceAsync(app.Services.GetRequiredService<IServiceScopeFactory>(), owner, app.Time,
            TimeSpan.FromSeconds(30), CancellationToken.None);

    public static async Task<HttpResponseMessage> TransitionAsync(HttpClient client, Guid id, object body,
        string? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/orders/{id}/status-transitions")
        {
            Content = JsonContent.Create(body)
        };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    public static async Task CompleteOrderLinesAsync(HttpClient provider, JsonElement order)
    {
        foreach (var line in order.GetProperty("orderLines").EnumerateArray())
        {
            var id = order.GetProperty("id").GetGuid();
            var response = await provider.PatchAsync(
                $"/api/v1/orders/{id}/order-lines/{line.GetProperty("sequenceNumber").GetInt32()}",
                JsonContent.Create(
                    new { invoiceOnBehalfOfName = "Opleider BV", invoiceOnBehalfOfVatNumber = "NL123456789B01" }));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    public static async Task<Guid> StartMomentIdAsync(HttpClient provider, Guid courseId, string externalId)
    {
        var course = await provider.GetFromJsonAsync<JsonElement>($"/api/v1/courses/{courseId}");
        return course.GetProperty("learningMethod").GetProperty("planning").GetProperty("startMoments").EnumerateArray()
            .Single(m => m.GetProperty("externalId").GetString() == externalId).GetProperty("id").GetGuid();
    }

    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    /// <summary>
    /// One order in each status the API's moves reach without the account's approval: PendingProvider, Invalid,
    /// AcceptedProvider, RejectedProvider, PendingInvoice, Invoiced and Paid. Moves the clock 31 days.
    /// </summary>
    public static async Task<Dictionary<OrderStatus, Guid>> OrdersInManyStatusesAsync(OrdersApp app, TestWorld world)
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

        // Side by side: the creates share commits, the validations share batches.
        var made = await Task.WhenAll(Valid(), Validated(GuideBody(world.AccountId, world.CourseId, "NOPE")),
            // Starts in 60 days, so it is not yet due for invoicing when the clock moves 31 days below.
            Accepted("SM-2"), Valid(), Accepted(), Accepted(), Accepted());
        var result = new Dictionary<OrderStatus, Guid>
        {
            [OrderStatus.PendingProvider] = made[0], [OrderStatus.Invalid] = made[1],
            [OrderStatus.AcceptedProvider] = made[2], [OrderStatus.RejectedProvider] = made[3],
        };
        await Move(made[3], world.Provider, new { status = "RejectedProvider", cancellationReason = "Other" });

        // PendingInvoice, Invoiced and Paid: accepted orders whose course has started.
        var toInvoice = made[4..];
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
        foreach (var (status, id) in result)
            Assert.Equal(status.ToString(), (await GetAsync(world.Admin, id)).GetProperty("status").GetString());
        return result;
    }
}
