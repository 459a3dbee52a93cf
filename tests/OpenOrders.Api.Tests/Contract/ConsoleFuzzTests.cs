using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Api.Tests.WebConsole;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.Contract;

/// <summary>
/// Every console page a person of each role can reach by its links, with hostile values in each of its query
/// parameters and in each field of each of its forms, one field at a time: never a server error. The pages and forms
/// are found by following the console's own links, so a new page or field is swept without being listed here.
/// </summary>
public abstract partial class ConsoleFuzzTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : OrdersApp
{
    /// <summary>The API sweep's awkward values, as a form or a query string carries them.</summary>
    private static readonly string[] Values =
    [
        "", " ", "\0", new string('z', 5000), "0001-01-01", "9999-12-31", "0001-01-01T00:00", "9999-12-31T23:59",
        "not-a-guid", "00000000-0000-0000-0000-000000000000", "-1", "99999999999999999999", "1e300",
        "'; DROP TABLE \"Orders\"--", "\u202e\U0001F4A9", "PendingValidation,Accepted",
    ];

    private readonly List<string> failures = [];
    private int requests;
    private readonly List<string> pagesSeen = [];

    [Fact]
    public async Task No_console_page_or_form_answers_hostile_input_with_a_server_error()
    {
        var world = await TestWorld.CreateAsync(app);
        await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1"));
        await ValidateOnceAsync(app);
        app.Time.Advance(TimeSpan.FromMinutes(1));
        // An invalid order, changed last so it is the first of the lists: its correction form has a course, a type,
        // start moments, a date, a number and texts.
        var invalid = Parse(GuideBody(world.AccountId, world.CourseId, "SM-404"));
        invalid["OrderType"] = "Exam";
        invalid["customer"]!["address"]!["postalCode"] = "12";
        invalid["customer"]!["birthDate"] = "2999-01-01";
        await CreateAsync(world.Account, invalid.ToJsonString());
        await ValidateOnceAsync(app);
        await world.Provider.PostAsync("/api/v1/webhook-subscriptions", System.Net.Http.Json.JsonContent.Create(new
        {
            webhookId = OpenOrders.Api.Webhooks.Webhook.OrderCreated.Id, callbackUrl = "http://127.0.0.1:9/hooks",
        }));

        await SweepAsync(() => Task.FromResult(new ConsoleHttp(app)), "/console/sign-in");
        foreach (var (role, tenant) in new[] { ("Admin", (Guid?)null), ("Provider", world.ProviderId),
                     ("Account", world.AccountId) })
            await SweepAsync(async () => await ConsoleHttp.SignInAsync(app,
                await ConsoleSteps.InviteAsync(app, world.Admin, role, tenant)), "/console/orders");

        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(30)));
        // The crawl reached the pages behind links and ids, not only the start pages.
        Assert.Superset(new HashSet<string> { "/console/orders/{id}", "/console/webhooks/{id}", "/console/admin/people",
            "/console/admin/clients", "/console/notifications", "/console/forgot-password" }, pagesSeen.ToHashSet());
        Assert.True(requests > 1000, $"Only {requests} requests were made.");
    }

    /// <summary>Follows the links from <paramref name="start"/>, sweeping each page found once.</summary>
    private async Task SweepAsync(Func<Task<ConsoleHttp>> person, string start)
    {
        var console = await person();
        var seen = new HashSet<string>();
        var queue = new Queue<string>([start]);
        while (queue.Count > 0 && seen.Count < 60)
        {
            var url = queue.Dequeue();
            var path = url.Split('?')[0];
            // One page per shape: /console/orders/{id} once, not once per order.
            if (!seen.Add(GuidLike().Replace(path, "{id}"))) continue;
            pagesSeen.Add(GuidLike().Replace(path, "{id}"));
            var html = await Get(console, url);
            if (html is null) continue;
            foreach (var link in Links(html).Where(l => l.StartsWith("/console", StringComparison.Ordinal)
                         && !l.StartsWith("/console/assets", StringComparison.Ordinal)))
                queue.Enqueue(link);

            // The parameters this page's own links and search forms give it.
            var parameters = Links(html).Append(url).Where(l => l.Split('?')[0] == path && l.Contains('?'))
                .SelectMany(l => QueryHelpers.ParseQuery(l[l.IndexOf('?')..]).Keys)
                .Concat(Forms(html).Where(f => f.Method == "get").SelectMany(f => f.Fields.Keys)).Distinct();
            foreach (var parameter in parameters)
                foreach (var value in Values)
                    await Get(console, QueryHelpers.AddQueryString(path, parameter, value));

            foreach (var form in Forms(html).Where(f => f.Method == "post" && f.Action != "/console/sign-out"))
            {
                // A form may end the session (disabling oneself): carry on as a new person of the same role.
                if (start != "/console/sign-in" && await Get(console, "/console/orders") is null)
                    console = await person();
                foreach (var field in form.Fields.Keys.Where(k => k != "__RequestVerificationToken"))
                    foreach (var value in Values)
                        await Post(console, form.Action ?? path, new(form.Fields) { [field] = value });
            }
        }
    }

    /// <summary>The page's HTML, or null when it is not a page (a redirect, a 404).</summary>
    private async Task<string?> Get(ConsoleHttp console, string url)
    {
        using var response = await console.Client.GetAsync(url);
        return await CheckAsync($"GET {url}", response) ? await response.Content.ReadAsStringAsync() : null;
    }

    private async Task Post(ConsoleHttp console, string action, Dictionary<string, string> fields)
    {
        using var response = await console.Client.PostAsync(action, new FormUrlEncodedContent(fields));
        await CheckAsync($"POST {action} {string.Join("&", fields.Where(f => f.Key != "__RequestVerificationToken")
            .Select(f => $"{f.Key}={f.Value[..Math.Min(20, f.Value.Length)]}"))}", response);
    }

    private async Task<bool> CheckAsync(string label, HttpResponseMessage response)
    {
        requests++;
        if ((int)response.StatusCode >= 500)
        {
            var text = await response.Content.ReadAsStringAsync();
            failures.Add($"{label} → {(int)response.StatusCode}: {text[..Math.Min(200, text.Length)]}");
        }
        return response.StatusCode == HttpStatusCode.OK
            && response.Content.Headers.ContentType?.MediaType == "text/html";
    }

    private sealed record Form(string Method, string? Action, Dictionary<string, string> Fields);

    private static IEnumerable<string> Links(string html) =>
        Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value));

    private static IEnumerable<Form> Forms(string html)
    {
        foreach (Match form in FormElement().Matches(html))
        {
            var attributes = form.Groups[1].Value;
            var method = Attribute(attributes, "method")?.ToLowerInvariant() ?? "get";
            var fields = new Dictionary<string, string>();
            foreach (Match input in Field().Matches(form.Groups[2].Value))
            {
                if (Attribute(input.Value, "name") is not { } name || fields.ContainsKey(name)) continue;
                var value = Attribute(input.Value, "value") ?? "";
                if (input.Value.StartsWith("<select", StringComparison.Ordinal)
                    && OptionValue().Match(input.Value) is { Success: true } option)
                    value = WebUtility.HtmlDecode(option.Groups[1].Value);
                fields[name] = value;
            }
            yield return new Form(method, Attribute(attributes, "action"), fields);
        }
    }

    private static string? Attribute(string tag, string name)
    {
        var match = Regex.Match(tag, @"\s" + name + @"=""([^""]*)""");
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    [GeneratedRegex(@"href=""([^""]+)""")]
    private static partial Regex Href();

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormElement();

    /// <summary>An input or textarea tag, or a whole select (for its first option).</summary>
    [GeneratedRegex("<(?:input|textarea)[^>]*>|<select[^>]*>.*?</select>", RegexOptions.Singleline)]
    private static partial Regex Field();

    [GeneratedRegex(@"<option[^>]*value=""([^""]*)""")]
    private static partial Regex OptionValue();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex GuidLike();
}

public sealed class SqliteConsoleFuzzTests(ManualSqliteApp app) : ConsoleFuzzTests<ManualSqliteApp>(app);

public sealed class PostgresConsoleFuzzTests(ManualPostgresApp app) : ConsoleFuzzTests<ManualPostgresApp>(app);
