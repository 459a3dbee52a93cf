using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Tests.WebConsole;
using OpenOrders.Domain;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// Another tenant's resource answers exactly as one that does not exist, and changes nothing: for every operation
/// of the OpenAPI document that names a resource and every console page that does, as the other account and the
/// other provider. The operations and pages are read from the document and the app's routes, so a new one is
/// covered (or fails here for want of an id) without being listed.
/// </summary>
public abstract partial class TenancySweepTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrdersApp
{
    private TestWorld world = null!;

    /// <summary>Tenant A's resources (the first account and provider), by the path segment that names them.</summary>
    private Dictionary<string, string> ids = null!;

    public async Task InitializeAsync()
    {
        (world, var order, var transition, var subscriptionId) = await SweptWorld.CreateAsync(app);
        var person = await (await world.Admin.PostAsJsonAsync("/api/v1/people", new
        {
            email = $"planner.{Guid.NewGuid():N}@example.test", role = "Account", tenantId = world.AccountId,
        })).Content.ReadFromJsonAsync<JsonElement>();
        var personId = person.GetProperty("person").GetProperty("id").GetGuid();
        var mail = await app.WithDbAsync(db => db.MailMessages.Where(m => m.PersonId == personId)
            .Select(m => m.Id).FirstAsync());
        var client = await app.WithDbAsync(db => db.ApiClients.Where(c => c.TenantId == world.AccountId)
            .Select(c => c.ClientId).FirstAsync());
        // A bulk move tenant A's planner confirmed (nothing in it to move: only its page is swept).
        var bulkMove = Guid.NewGuid();
        await app.WithDbAsync(async db =>
        {
            var now = app.Time.GetUtcNow();
            db.BulkMoves.Add(new OpenOrders.Api.Orders.BulkMove
            {
                Id = bulkMove, ActorId = $"planner.{bulkMove:N}@example.test", Role = Role.Account,
                TenantId = world.AccountId, Target = OrderStatus.CancelledAccount, DateCreated = now, DueAt = now,
            });
            return await db.SaveChangesAsync();
        });
        Assert.True((await world.Admin.PutAsJsonAsync("/api/v1/promotional-codes/TENANT10",
            new { discountPercentage = 10, isActive = true })).IsSuccessStatusCode);
        ids = new()
        {
            ["accounts"] = world.AccountId.ToString(), ["providers"] = world.ProviderId.ToString(),
            ["assortments"] = world.AssortmentId.ToString(), ["courses"] = world.CourseId.ToString(),
            ["orders"] = order.ToString(), ["order-status-transitions"] = transition,
            ["webhook-subscriptions"] = subscriptionId, ["webhooks"] = subscriptionId,
            ["people"] = personId.ToString(),
            ["mail-messages"] = mail.ToString(), ["mail"] = mail.ToString(), ["clients"] = client,
            ["promotional-codes"] = "TENANT10", ["bulk"] = bulkMove.ToString(),
        };
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Every_api_operation_answers_another_tenants_resource_as_a_missing_one()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var failures = new List<string>();
        var swept = 0;
        foreach (var path in document.GetProperty("paths").EnumerateObject().Where(p => p.Name.Contains('{')))
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name != "parameters"))
            {
                var media = method.Value.TryGetProperty("requestBody", out var body)
                    ? body.GetProperty("content").EnumerateObject().First().Name : null;
                var theirs = Fill(path.Name, real: true);
                var missing = Fill(path.Name, real: false);
                var before = await Fingerprint.TakeAsync(app);
                foreach (var (name, caller) in new[] { ("other account", world.OtherAccount),
                             ("other provider", world.OtherProvider) })
                {
                    var (status, text) = await SendAsync(caller, method.Name, theirs, media);
                    var (missingStatus, missingText) = await SendAsync(caller, method.Name, missing, media);
                    if (status != missingStatus || Normalized(text) != Normalized(missingText))
                        failures.Add($"{name} {method.Name.ToUpperInvariant()} {path.Name}: {status} {text} " +
                            $"where a missing one gets {missingStatus} {missingText}");
                    else if (status is < 400 or 401)
                        failures.Add($"{name} {method.Name.ToUpperInvariant()} {path.Name} answered {status}");
                }
                if (await Fingerprint.TakeAsync(app) != before)
                    failures.Add($"{method.Name.ToUpperInvariant()} {path.Name}: another tenant changed something.");
                // The ids are real: the admin reads each resource that can be read.
                if (method.Name == "get")
                {
                    var (status, text) = await SendAsync(world.Admin, "get", theirs, null);
                    if (status != 200) failures.Add($"admin GET {theirs} answered {status} {text}");
                }
                swept++;
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(swept >= 29, $"Only {swept} operations name a resource.");
    }

    [Fact]
    public async Task Tenants_may_not_set_promotional_codes_or_run_invoicing()
    {
        var before = await Fingerprint.TakeAsync(app);
        foreach (var caller in new[] { world.Account, world.Provider })
        {
            Assert.Equal(403, (await SendAsync(caller, "PUT", "/api/v1/promotional-codes/TENANT10",
                "application/json", "{\"discountPercentage\": 50, \"isActive\": true}")).Status);
            Assert.Equal(403, (await SendAsync(caller, "POST", "/api/v1/invoice-runs", null)).Status);
        }
        Assert.Equal(before, await Fingerprint.TakeAsync(app));
    }

    [Fact]
    public async Task Every_console_page_answers_another_tenants_resource_as_a_missing_one()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("/console/", StringComparison.Ordinal) && r.Contains("{id")).Distinct().ToList();
        Assert.Equal(4, routes.Count); // orders, bulk moves, webhook subscriptions, mail: a new one is swept too
        var admin = await app.AdminAsync();
        foreach (var (role, tenant) in new[] { ("Account", world.OtherAccountId), ("Provider", world.OtherProviderId) })
        {
            var person = await ConsoleHttp.SignInAsync(app, await ConsoleSteps.InviteAsync(app, admin, role, tenant));
            foreach (var route in routes)
            {
                var theirs = await person.Client.GetAsync(Fill(route, real: true));
                var missing = await person.Client.GetAsync(Fill(route, real: false));
                Assert.Equal(404, (int)theirs.StatusCode);
                Assert.Equal(Normalized(await missing.Content.ReadAsStringAsync()),
                    Normalized(await theirs.Content.ReadAsStringAsync()));
            }
        }
    }

    /// <summary>The path with tenant A's ids (or ids nobody has), each chosen by the segment before it.</summary>
    private string Fill(string path, bool real) => Parameter().Replace(path, m =>
    {
        var (segment, name) = (m.Groups["segment"].Value, m.Groups["name"].Value);
        if (name == "sequenceNumber") return $"/{segment}/1";
        if (name == "deliveryId") return $"/{segment}/{Guid.Empty}";
        Assert.True(ids.ContainsKey(segment), $"No id of tenant A is known for {path}: add one to the sweep.");
        var id = real ? ids[segment] : name == "id" ? Guid.Empty.ToString() : "NOBODY";
        return $"/{segment}/{id}";
    });

    private static async Task<(int Status, string Text)> SendAsync(HttpClient client, string method, string url,
        string? media, string? body = null)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
        // A stale ETag: a 412 would tell the resource exists.
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        if (media is not null) request.Content = new StringContent(body ?? "{}", Encoding.UTF8, media);
        using var response = await client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The answer without what differs between any two requests: ids, trace ids, antiforgery tokens.</summary>
    private string Normalized(string text)
    {
        foreach (var id in ids.Values) text = text.Replace(id, "{id}");
        return Volatile().Replace(text.Replace(Guid.Empty.ToString(), "{id}").Replace("NOBODY", "{id}"), "");
    }

    [GeneratedRegex(@"/(?<segment>[a-z-]+)/\{(?<name>\w+)(:\w+)?\}")]
    private static partial Regex Parameter();

    [GeneratedRegex("\"traceId\":\"[^\"]*\"|value=\"[^\"]{40,}\"|[0-9a-f]{32}")]
    private static partial Regex Volatile();
}

public sealed class SqliteTenancySweepTests(ManualSqliteApp app) : TenancySweepTests<ManualSqliteApp>(app);

public sealed class PostgresTenancySweepTests(ManualPostgresApp app) : TenancySweepTests<ManualPostgresApp>(app);
