using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using OpenOrders.Api.Tests.Infrastructure;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// The OpenAPI document is one that tools accept and that tells the truth: ids, descriptions, security and errors
/// on every operation, and real answers that validate against its schemas (JsonSchema.Net). docs/openapi.json is the
/// document as served (CI lints it with Spectral and Redocly); a test keeps it in step.
/// </summary>
public abstract class OpenApiDocumentTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    private Task<JsonNode> DocumentAsync() => app.CreateClient().GetFromJsonAsync<JsonNode>("/openapi/v1.json")!;

    [Fact]
    public async Task Every_operation_has_a_unique_id_a_description_security_and_a_4xx_answer()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToList();
        var ids = operations.Select(o => (string?)o.Operation["operationId"]).ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Contains("createOrder", ids);
        Assert.Contains("requestOrderStatusTransition", ids);
        foreach (var (path, method, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["description"]),
                $"{method} {path} has no description");
            // Only what an operation can answer: one without a token, parameters or a body has no 4xx of its own.
            var mayBeRefused = operation["security"]!.AsArray().Count > 0 || operation["parameters"] is not null
                || operation["requestBody"] is not null;
            if (mayBeRefused) Assert.Contains(operation["responses"]!.AsObject(), r => r.Key.StartsWith('4'));
            Assert.NotNull(operation["security"]);
        }
        Assert.Empty(document["paths"]!["/oauth/token"]!["post"]!["security"]!.AsArray());
        Assert.NotEmpty(document["tags"]!.AsArray());
        Assert.All(document["tags"]!.AsArray(),
            t => Assert.False(string.IsNullOrWhiteSpace((string?)t!["description"])));
        Assert.NotNull(document["info"]!["contact"]!["email"]);
        Assert.Equal("MIT", (string?)document["info"]!["license"]!["identifier"]);
        Assert.NotEmpty(document["servers"]!.AsArray());
        Assert.All(document["servers"]!.AsArray(), s => Assert.False(((string)s!["url"]!).EndsWith('/')));
    }

    /// <summary>
    /// What client generators need, so that a new endpoint or property cannot go undocumented: every operation (the
    /// webhooks' too) has a summary and a description, every property of every schema a type (or a reference to
    /// one), every parameter and header a typed schema.
    /// </summary>
    [Fact]
    public async Task Every_operation_is_described_and_every_property_parameter_and_header_is_typed()
    {
        var document = await DocumentAsync();
        var untyped = new List<string>();
        var operations = Operations(document).Concat(document["webhooks"]!.AsObject()
            .SelectMany(w => w.Value!.AsObject().Select(m => ($"webhook {w.Key}", m.Key, m.Value!)))).ToList();
        Assert.Equal(3, operations.Count(o => o.Item1.StartsWith("webhook ")));
        foreach (var (path, method, operation) in operations)
        {
            foreach (var field in new[] { "summary", "description", "operationId" })
                if (string.IsNullOrWhiteSpace((string?)operation[field])) untyped.Add($"{method} {path}: no {field}");
            foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
                if (!Typed(parameter!["schema"])) untyped.Add($"{method} {path}: parameter {parameter["name"]}");
            foreach (var (status, response) in operation["responses"]!.AsObject())
                foreach (var (name, header) in response!["headers"]?.AsObject() ?? [])
                    if (!Typed(header!["schema"])) untyped.Add($"{method} {path} {status}: header {name}");
        }
        foreach (var node in Descendants(document["components"]!["schemas"]).Concat(Descendants(document["paths"])))
            foreach (var (name, property) in node["properties"]?.AsObject() ?? [])
                if (!Typed(property)) untyped.Add($"property {name}: {property?.ToJsonString()}");
        Assert.True(untyped.Count == 0, string.Join("\n", untyped.Take(40)));
    }

    private static bool Typed(JsonNode? schema) => schema is JsonObject s
        && (s["type"] is not null || s["$ref"] is not null || s["oneOf"] is JsonArray { Count: > 0 }
            || s["allOf"] is JsonArray { Count: > 0 } || s["anyOf"] is JsonArray { Count: > 0 });

    [Fact]
    public async Task Money_is_a_decimal_and_the_order_patch_and_refused_move_have_their_schemas()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!;
        Assert.Equal("decimal", (string?)schemas["OrderResponse"]!["properties"]!["total"]!["format"]);
        Assert.Equal("email", (string?)schemas["CustomerResponse"]!["properties"]!["email"]!["format"]);
        var patch = document["paths"]!["/api/v1/orders/{id}"]!["patch"]!;
        Assert.EndsWith("/OrderPatch",
            (string?)patch["requestBody"]!["content"]!["application/merge-patch+json"]!["schema"]!["$ref"]);
        Assert.True((bool?)patch["parameters"]!.AsArray().Single(p => (string?)p!["name"] == "If-Match")!["required"]);
        Assert.NotNull(patch["responses"]!["412"]);
        Assert.NotNull(patch["responses"]!["428"]);
        Assert.NotNull(schemas["OrderPatch"]!["properties"]!["customer"]!["properties"]!["address"]);
        var move = document["paths"]!["/api/v1/orders/{id}/status-transitions"]!["post"]!["responses"]!["409"]!;
        Assert.EndsWith("/RefusedMoveProblem",
            (string?)move["content"]!["application/problem+json"]!["schema"]!["$ref"]);
        var list = document["paths"]!["/api/v1/orders"]!["get"]!["parameters"]!.AsArray()
            .Select(p => (string)p!["name"]!).ToList();
        Assert.Contains("updatedSince", list);
        Assert.Contains("cursor", list);
    }

    [Fact]
    public async Task Enums_never_admit_null_themselves_and_decimals_and_lists_say_what_they_hold()
    {
        var schemas = (await DocumentAsync())["components"]!["schemas"]!.AsObject();
        foreach (var (name, schema) in schemas)
        {
            if (schema!["enum"] is JsonArray values)
            {
                Assert.DoesNotContain(values, v => v is null);
                Assert.Equal("string", (string?)schema["type"]);
            }
            foreach (var node in Descendants(schema))
            {
                if (node["format"] is JsonValue format && (string?)format == "double") Assert.NotNull(node["type"]);
                if (node["type"] is JsonValue { } type && (string?)type == "array")
                    Assert.True(node["items"] is not null, $"{name}: an array without items");
            }
        }
    }

    [Fact]
    public async Task Real_answers_validate_against_the_documents_schemas()
    {
        var document = await DocumentAsync();
        var world = await TestWorld.CreateAsync(app);
        var created = await world.Account.PostAsync("/api/v1/orders",
            JsonBody(GuideBody(world.AccountId, world.CourseId, "SM-1")));
        var failures = new List<string>();
        await CheckAsync(document, "/api/v1/orders", "post", created, failures);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var order = await WaitUntilValidatedAsync(world.Provider, id);
        await CompleteOrderLinesAsync(world.Provider, order);
        var moved = await TransitionAsync(world.Provider, id, new { status = "AcceptedProvider" });
        await CheckAsync(document, "/api/v1/orders/{id}/status-transitions", "post", moved, failures);
        var transition = (await moved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var rejected = await TransitionAsync(world.Account, id, new { status = "Paid" });
        await CheckAsync(document, "/api/v1/orders/{id}/status-transitions", "post", rejected, failures);
        var subscription = await world.Provider.PostAsJsonAsync("/api/v1/webhook-subscriptions", new
        {
            webhookId = OpenOrders.Api.Webhooks.Webhook.OrderCreated.Id, callbackUrl = "http://127.0.0.1:9/hooks"
        });
        await CheckAsync(document, "/api/v1/webhook-subscriptions", "post", subscription, failures);
        var subscriptionId = (await subscription.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var ids = new Dictionary<string, string>
        {
            ["/api/v1/orders/{id}"] = id.ToString(), ["/api/v1/order-status-transitions/{id}"] = transition.ToString(),
            ["/api/v1/accounts/{id}"] = world.AccountId.ToString(),
            ["/api/v1/providers/{id}"] = world.ProviderId.ToString(),
            ["/api/v1/assortments/{id}"] = world.AssortmentId.ToString(),
            ["/api/v1/courses/{id}"] = world.CourseId.ToString(),
            ["/api/v1/webhook-subscriptions/{id}"] = subscriptionId.ToString(),
            ["/api/v1/webhook-subscriptions/{id}/deliveries"] = subscriptionId.ToString(),
        };
        var gets = Operations(document)
            .Where(o => o.Method == "get" && (!o.Path.Contains('{') || ids.ContainsKey(o.Path))).ToList();
        Assert.True(gets.Count >= 20, $"only {gets.Count} GET operations were checked");
        foreach (var (path, _, _) in gets)
            foreach (var client in new[] { world.Admin, world.Provider, world.Account })
            {
                var url = ids.TryGetValue(path, out var value) ? path.Replace("{id}", value) : path;
                await CheckAsync(document, path, "get", await client.GetAsync(url), failures);
            }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
    }

    [Fact]
    public async Task The_required_properties_of_every_body_are_those_the_server_answers_required_for()
    {
        var document = await DocumentAsync();
        var world = await TestWorld.CreateAsync(app);
        var ids = new Dictionary<string, string>
        {
            ["/api/v1/accounts/{id}"] = world.AccountId.ToString(),
            ["/api/v1/providers/{id}"] = world.ProviderId.ToString(),
            ["/api/v1/assortments/{id}"] = world.AssortmentId.ToString(),
            ["/api/v1/courses/{id}"] = world.CourseId.ToString(),
            ["/api/v1/promotional-codes/{code}"] = "CHECK10",
        };
        var checkedBodies = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is not { } reference) continue;
            if (path.Contains('{') && !ids.ContainsKey(path) && !path.StartsWith("/api/v1/orders/")
                && !path.StartsWith("/api/v1/webhook-subscriptions/")) continue;
            var schema = Resolve(document, reference);
            var declared = (schema["required"]?.AsArray().Select(r => (string)r!) ?? []).Order().ToList();
            // The caller that may send it and needs no more than it: an account orders, a provider its courses
            // and hooks.
            var client = path.StartsWith("/api/v1/orders") ? world.Account
                : path.StartsWith("/api/v1/courses") || path.StartsWith("/api/v1/webhook-subscriptions")
                    ? world.Provider
                    : world.Admin;
            var url = System.Text.RegularExpressions.Regex.Replace(
                ids.TryGetValue(path, out var id) ? path.Replace("{id}", id).Replace("{code}", id) : path,
                @"\{\w+\}", Guid.NewGuid().ToString());
            var response = await client.SendAsync(
                new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url) { Content = JsonBody("{}") });
            var answered = await response.Content.ReadFromJsonAsync<JsonElement>();
            var required = answered.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                ? errors.EnumerateObject().Where(e => e.Value.EnumerateArray()
                        .Any(m => m.GetString()!.StartsWith("Required", StringComparison.Ordinal)))
                    .Select(e => e.Name).Order().ToList()
                : [];
            // an operation on something that does not exist says nothing about its body
            if ((int)response.StatusCode == 404) continue;
            Assert.True(declared.SequenceEqual(required), $"{method} {path}: the document requires " +
                $"[{string.Join(", ", declared)}], the server [{string.Join(", ", required)}]");
            checkedBodies++;
        }
        Assert.True(checkedBodies >= 12, $"only {checkedBodies} bodies checked");
    }

    private static JsonNode Resolve(JsonNode document, JsonNode schema) => schema["$ref"] is { } r
        ? document["components"]!["schemas"]![((string)r!).Split('/')[^1]]!
        : schema;

    [Fact]
    public async Task Every_example_in_the_document_matches_its_schema()
    {
        var document = await DocumentAsync();
        var checkedExamples = 0;
        foreach (var (path, method, operation) in Operations(document))
        {
            var contents = (operation["responses"]?.AsObject().Select(r => r.Value?["content"]) ?? [])
                .Append(operation["requestBody"]?["content"]);
            foreach (var media in contents.OfType<JsonObject>().SelectMany(c => c.Select(m => m.Value)))
            {
                if (media?["example"] is not { } example || media["schema"] is not { } schema) continue;
                var results = SchemaOf(document, schema)
                    .Evaluate(JsonDocument.Parse(example.ToJsonString()).RootElement);
                Assert.True(results.IsValid, $"The example of {method} {path} does not match its schema.");
                checkedExamples++;
            }
        }
        Assert.True(checkedExamples >= 5, $"only {checkedExamples} examples");
        Assert.Equal("Test course for testing orders",
            (string?)document["paths"]!["/api/v1/orders"]!["post"]!["requestBody"]!["content"]!
                ["application/json"]!["example"]!["name"]);
    }

    [Fact]
    public async Task The_committed_document_is_the_one_the_service_serves()
    {
        var served = (await DocumentAsync()).ToJsonString(new JsonSerializerOptions { WriteIndented = true })
            .Replace("\r\n", "\n") + "\n";
        var file = Path.Combine(Root(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1") await File.WriteAllTextAsync(file, served);
        Assert.True(File.Exists(file) && await File.ReadAllTextAsync(file) == served,
            "docs/openapi.json is not the served document: " +
                "run `UPDATE_DOCS=1 dotnet test --filter OpenApiDocumentTests` and commit it.");
    }

    /// <summary>The answer's body against the schema the document gives for its status code.</summary>
    private static async Task CheckAsync(JsonNode document, string path, string method, HttpResponseMessage response,
        List<string> failures)
    {
        var status = ((int)response.StatusCode).ToString();
        var responses = document["paths"]![path]![method]!["responses"]!;
        var declared = responses[status];
        if (declared is null)
        {
            failures.Add($"{method} {path} answered {status}, which the document does not list");
            return;
        }
        var text = await response.Content.ReadAsStringAsync();
        if (text.Length == 0 || declared["content"] is not JsonObject content) return;
        var media = content.FirstOrDefault(c => c.Key.Contains("json")).Value;
        if (media?["schema"] is not { } schema) return;
        var results = SchemaOf(document, schema).Evaluate(JsonDocument.Parse(text).RootElement,
            new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!results.IsValid)
            failures.Add($"{method} {path} {status}: " + string.Join("; ", (results.Details ?? [])
                .Where(d => d.Errors is { Count: > 0 }).Take(3)
                .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
    }

    /// <summary>One JSON Schema document: the response schema with every component beside it under $defs.</summary>
    private static JsonSchema SchemaOf(JsonNode document, JsonNode schema)
    {
        var defs = document["components"]!["schemas"]!.ToJsonString().Replace("#/components/schemas/", "#/$defs/");
        var root = $"{{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"$defs\":{defs}," +
                   schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/")[1..];
        if (root.EndsWith(",}")) root = root[..^2] + "}";
        return JsonSchema.FromText(root, baseUri: new Uri($"https://openorders.test/{Guid.NewGuid():N}"));
    }

    private static IEnumerable<(string Path, string Method, JsonNode Operation)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Where(m => m.Key != "parameters")
            .Select(m => (p.Key, m.Key, m.Value!)));

    private static IEnumerable<JsonObject> Descendants(JsonNode? node)
    {
        if (node is JsonObject obj)
        {
            yield return obj;
            foreach (var child in obj.SelectMany(p => Descendants(p.Value))) yield return child;
        }
        else if (node is JsonArray array)
            foreach (var child in array.SelectMany(Descendants)) yield return child;
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "OpenOrders.slnx"))) dir = dir.Parent;
        return dir!.FullName;
    }
}

public sealed class SqliteOpenApiDocumentTests(SqliteApp app) : OpenApiDocumentTests<SqliteApp>(app);

public sealed class PostgresOpenApiDocumentTests(PostgresApp app) : OpenApiDocumentTests<PostgresApp>(app);
