using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// Every operation of the service's own OpenAPI document, as every role and with no token, with malformed bodies,
/// parameters and encodings: never a 5xx, always a problem body on an error (an OAuth error on the token endpoint),
/// and no row changed by a refused request. Workers are off, so only the requests themselves write.
/// </summary>
public abstract class FuzzSweepTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;
    private Dictionary<string, string> ids = null!;
    private List<(string Name, HttpClient Client)> callers = null!;
    private readonly List<string> failures = [];
    private readonly Dictionary<int, int> answered = [];

    public async Task InitializeAsync()
    {
        (world, var order, var transition, var subscriptionId) = await SweptWorld.CreateAsync(app);
        ids = new Dictionary<string, string>
        {
            ["/api/v1/orders"] = order.ToString(), ["/api/v1/order-status-transitions"] = transition,
            ["/api/v1/accounts"] = world.AccountId.ToString(), ["/api/v1/providers"] = world.ProviderId.ToString(),
            ["/api/v1/assortments"] = world.AssortmentId.ToString(), ["/api/v1/courses"] = world.CourseId.ToString(),
            ["/api/v1/webhook-subscriptions"] = subscriptionId, ["/api/v1/people"] = Guid.NewGuid().ToString(),
            ["/api/v1/clients"] = "client_does_not_exist", ["/api/v1/promotional-codes"] = "FUZZ10",
        };
        callers = [("anonymous", app.CreateClient()), ("account", world.Account), ("provider", world.Provider),
            ("admin", world.Admin)];
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task No_operation_answers_a_malformed_request_with_a_server_error_or_a_change()
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var operations = Operations(document).ToList();
        Assert.True(operations.Count >= 40, $"Only {operations.Count} operations in the document.");
        foreach (var operation in operations)
        {
            var requests = Malformed(operation).ToList();
            var before = await Fingerprint.TakeAsync(app);
            var accepted = new HashSet<(int Request, string Caller)>();
            for (var i = 0; i < requests.Count; i++)
                foreach (var (name, client) in callers)
                {
                    using var message = requests[i]();
                    var label = $"{name} {message.Method} {message.RequestUri}";
                    using var response = await client.SendAsync(message);
                    if ((int)response.StatusCode < 400 && message.Method != HttpMethod.Get) accepted.Add((i, name));
                    await CheckAsync(label, response, operation.Path);
                }
            if (accepted.Count > 0)
            {
                // Some were accepted and may rightly have changed rows: the refused ones again, on their own, from
                // the state the accepted ones left, so what they did is still seen.
                before = await Fingerprint.TakeAsync(app);
                for (var i = 0; i < requests.Count; i++)
                    foreach (var (name, client) in callers.Where(c => !accepted.Contains((i, c.Name))))
                    {
                        using var message = requests[i]();
                        using var response = await client.SendAsync(message);
                    }
            }
            if (await Fingerprint.TakeAsync(app) != before)
                failures.Add($"{operation.Method} {operation.Path}: a refused request changed the database.");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
        // The sweep reached the handlers: bodies were refused as invalid, not only tokens and roles.
        var summary = string.Join(", ", answered.OrderBy(a => a.Key).Select(a => $"{a.Key}: {a.Value}"));
        Assert.True(answered.Values.Sum() > 3000 && answered.GetValueOrDefault(400) > 500
            && answered.GetValueOrDefault(404) > 100, summary);
    }

    [Fact]
    public async Task Random_changes_to_the_guides_order_body_never_reach_a_server_error()
    {
        var guide = Parse(GuideBody(world.AccountId, world.CourseId, "SM-1"));
        var paths = Leaves(guide, "").ToList();
        var mutation = Gen.Select(Gen.Int[0, paths.Count - 1], Gen.Int[0, Values.Length - 1], Gen.Int[0, 3]);
        await mutation.SampleAsync(async (path, value, extra) =>
        {
            var body = Parse(guide.ToJsonString());
            Set(body, paths[path], Values[value]);
            if (extra == 0) Set(body, paths[(path + 7) % paths.Count], Values[(value + 3) % Values.Length]);
            using var response = await world.Account.PostAsync("/api/v1/orders", JsonBody(body.ToJsonString()));
            await CheckAsync($"POST /api/v1/orders with {paths[path]} = {Values[value]?.ToJsonString() ?? "null"}",
                response, "/api/v1/orders");
            return true;
        }, iter: 150, seed: "0N0XIzNsQ0O2");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(40)));
    }

    private async Task CheckAsync(string label, HttpResponseMessage response, string path)
    {
        var status = (int)response.StatusCode;
        answered[status] = answered.GetValueOrDefault(status) + 1;
        var text = await response.Content.ReadAsStringAsync();
        if (status >= 500) { failures.Add($"{label} → {status}: {text[..Math.Min(300, text.Length)]}"); return; }
        if (status < 400) return;
        var expected = path == "/oauth/token" ? "application/json" : "application/problem+json";
        if (response.Content.Headers.ContentType?.MediaType != expected)
            failures.Add($"{label} → {status} without a {expected} body ({response.Content.Headers.ContentType})");
        else if (!Parses(text, path == "/oauth/token" ? "error" : "status"))
            failures.Add(
                $"{label} → {status} with a body that is not a problem: {text[..Math.Min(200, text.Length)]}");
    }

    private static bool Parses(string text, string member)
    {
        try { return JsonDocument.Parse(text).RootElement.TryGetProperty(member, out _); }
        catch (JsonException) { return false; }
    }

    private sealed record Operation(string Method, string Path, JsonElement Definition, JsonElement? BodySchema,
        string? MediaType, IReadOnlyList<string> Query);

    private static IEnumerable<Operation> Operations(JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
            foreach (var method in path.Value.EnumerateObject().Where(m => m.Name != "parameters"))
            {
                var op = method.Value;
                JsonElement? schema = null;
                string? media = null;
                if (op.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content").EnumerateObject().First();
                    media = content.Name;
                    schema = Resolve(document, content.Value.TryGetProperty("schema", out var s) ? s : default);
                }
                var query = op.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
                        .Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                yield return new Operation(method.Name.ToUpperInvariant(), path.Name, op, schema, media, query);
            }
    }

    private static JsonElement? Resolve(JsonElement document, JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object) return null;
        if (schema.TryGetProperty("$ref", out var reference))
            return Resolve(document, document.GetProperty("components").GetProperty("schemas")
                .GetProperty(reference.GetString()!.Split('/')[^1]));
        foreach (var combination in new[] { "oneOf", "anyOf", "allOf" })
            if (schema.TryGetProperty(combination, out var options))
                return options.EnumerateArray().Select(o => Resolve(document, o)).FirstOrDefault(o => o is not null);
        return schema;
    }

    /// <summary>
    /// The malformed requests for one operation: garbage in each path and query parameter, and bad bodies.
    /// </summary>
    private IEnumerable<Func<HttpRequestMessage>> Malformed(Operation op)
    {
        var method = new HttpMethod(op.Method);
        var real = Fill(op.Path, null);
        foreach (var garbage in Garbage)
        {
            // The test host refuses a NUL in a path itself (Kestrel answers it with 400 before any of our code runs).
            if (op.Path.Contains('{') && garbage != "%00")
                yield return () => Request(method, Fill(op.Path, garbage),
                    op.MediaType is null ? null : Body("{}", op.MediaType));
            foreach (var parameter in op.Query)
                yield return () => Request(method, $"{real}?{parameter}={garbage}", null);
        }
        if (op.MediaType is null) yield break;
        foreach (var body in Bodies(op))
            yield return () => Request(method, real, body());
    }

    private IEnumerable<Func<HttpContent>> Bodies(Operation op)
    {
        var media = op.MediaType!;
        if (media == "application/x-www-form-urlencoded")
        {
            foreach (var form in new[] { "", "%ZZ=%", "grant_type",
                         "grant_type=client_credentials&client_id=%00&client_secret=\u0000",
                         string.Join("&", Enumerable.Range(0, 20_000).Select(i => $"k{i}=v")),
                         "grant_type=" + new string('x', 200_000) })
                yield return () => Body(form, media);
            yield return () => Bytes([0xFF, 0xFE, 0x3D, 0xC3, 0x28], media);
            yield break;
        }
        foreach (var text in new[]
                 {
                     "", "null", "[]", "\"text\"", "42", "{\"a\":", "{" + new string('[', 1) + "}",
                     new string('[', 10_000) + new string(']', 10_000),
                     "{" + string.Join(",", Enumerable.Range(0, 30_000).Select(i => $"\"k{i}\":{i}")) + "}",
                     "{\"zzNotAProperty\": {\"deeper\": [1, 2, 3]}}",
                 })
            yield return () => Body(text, media);
        yield return () => Bytes([.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\"}"u8], media);
        var properties = Properties(op.BodySchema);
        foreach (var (name, type) in properties)
        {
            foreach (var wrong in WrongValues(type))
                yield return () => Body(new JsonObject { [name] = wrong?.DeepClone() }.ToJsonString(), media);
        }
        if (properties.Count == 0) yield break;
        yield return () => Body(All(properties, "string", _ => new string('x', 100_000)), media);
        yield return () => Body(All(properties, "string", _ => "nul\u0000inside"), media);
        yield return () => Body(All(properties, "integer", _ => JsonNode.Parse("99999999999999999999999")), media);
        yield return () => Body(All(properties, "number", _ => JsonNode.Parse("1e400")), media);
    }

    private static string All(IReadOnlyList<(string Name, string Type)> properties, string type,
        Func<string, JsonNode?> value)
    {
        var body = new JsonObject();
        foreach (var (name, t) in properties.Where(p => p.Type == type)) body[name] = value(name);
        return body.ToJsonString();
    }

    private static IReadOnlyList<(string Name, string Type)> Properties(JsonElement? schema)
    {
        if (schema is not { } s || !s.TryGetProperty("properties", out var properties)) return [];
        return [.. properties.EnumerateObject().Select(p => (p.Name, TypeOf(p.Value)))];
    }

    private static string TypeOf(JsonElement schema)
    {
        if (schema.TryGetProperty("type", out var type))
            return type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).First(t => t != "null")
                : type.GetString()!;
        return schema.TryGetProperty("$ref", out _) || schema.TryGetProperty("oneOf", out _) ? "object" : "string";
    }

    private static IEnumerable<JsonNode?> WrongValues(string type) => type switch
    {
        "string" => [12345, true, new JsonArray(1), new JsonObject { ["x"] = 1 }],
        "integer" or "number" => ["twelve", 1.5, new JsonArray(), true],
        "boolean" => ["yes", 1],
        "array" => ["list", new JsonObject(), 7],
        _ => ["NotAValue", 3, new JsonArray()],
    };

    private static readonly string[] Garbage =
    [
        "not-a-guid", "%00", "%ZZ", "-1", "99999999999999999999", "null", "00000000-0000-0000-0000-000000000000",
        new string('9', 5000), "%E2%80%AE%F0%9F%92%A9", "'%20OR%201%3D1--", "..%2F..%2Fetc%2Fpasswd",
    ];

    private static readonly JsonNode?[] Values =
    [
        null, "", " ", 0, -1, 1e300, "9999-99-99", "1990-13-45", new JsonArray(), new JsonObject(), true, "NL",
        new string('z', 5000), "\u0000", "00000000-0000-0000-0000-000000000000", "Course", "course", "Seminar",
        2147483648L,
    ];

    /// <summary>The path with its first parameter garbage (or none), the others real ids of this world.</summary>
    private string Fill(string path, string? garbage)
    {
        var prefix = ids.Keys.Where(k => path.StartsWith(k, StringComparison.Ordinal)).MaxBy(k => k.Length);
        var first = true;
        var result = System.Text.RegularExpressions.Regex.Replace(path, @"\{(\w+)\}", m =>
        {
            var value = garbage is not null && first ? garbage : m.Groups[1].Value switch
            {
                "sequenceNumber" => "1",
                "deliveryId" => Guid.NewGuid().ToString(),
                _ => prefix is null ? "x" : ids[prefix],
            };
            first = false;
            return value;
        });
        return result;
    }

    private static HttpRequestMessage Request(HttpMethod method, string url, HttpContent? content)
    {
        var request = new HttpRequestMessage(method, url) { Content = content };
        // A stale If-Match on every request: updates that read it refuse, those that need it meet it.
        request.Headers.TryAddWithoutValidation("If-Match", "\"1\"");
        return request;
    }

    private static HttpContent Body(string text, string media) => Bytes(Encoding.UTF8.GetBytes(text), media);

    private static ByteArrayContent Bytes(byte[] bytes, string media) =>
        new(bytes) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(media) } };

    private static IEnumerable<string> Leaves(JsonObject node, string prefix)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix + name;
            yield return path;
            if (value is JsonObject child)
                foreach (var leaf in Leaves(child, path + "."))
                    yield return leaf;
        }
    }

    private static void Set(JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
            if (node[part] is JsonObject child) node = child;
            else return;
        node[parts[^1]] = value?.DeepClone();
    }
}

public sealed class SqliteFuzzSweepTests(ManualSqliteApp app) : FuzzSweepTests<ManualSqliteApp>(app);

public sealed class PostgresFuzzSweepTests(ManualPostgresApp app) : FuzzSweepTests<ManualPostgresApp>(app);

/// <summary>
/// Every row of every table of the model (owned tables such as start moments, price components and legal companies
/// included), hashed: equal fingerprints mean nothing was stored or changed. Data-protection keys are left out: the
/// framework writes one when it first needs it, whatever the request.
/// </summary>
public static class Fingerprint
{
    public static async Task<string> TakeAsync(OrdersApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.OrdersDbContext>();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()).OfType<string>()
            .Where(t => t != "DataProtectionKeys").Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Superset(new HashSet<string> { "StartMoments", "PriceComponents", "LegalCompanies", "WebhookAttempts" },
            tables.ToHashSet());
        var connection = Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetDbConnection(db.Database);
        await connection.OpenAsync();
        var hash = System.Security.Cryptography.IncrementalHash.CreateHash(
            System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var table in tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i =>
                    Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            hash.AppendData(Encoding.UTF8.GetBytes(table + "\n" + string.Join("\n", rows)));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
