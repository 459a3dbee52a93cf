using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace OpenOrders.Api.Tests.Infrastructure;

/// <summary>
/// Two accounts, two providers, a course of each provider, and an assortment that gives the first account the
/// first provider's course — all made through the admin and provider APIs, with a token-carrying client per tenant.
/// </summary>
public sealed record TestWorld(
    HttpClient Admin,
    Guid AccountId, HttpClient Account,
    Guid OtherAccountId, HttpClient OtherAccount,
    Guid ProviderId, HttpClient Provider,
    Guid OtherProviderId, HttpClient OtherProvider,
    Guid CourseId, Guid OtherCourseId, Guid AssortmentId)
{
    public static async Task<TestWorld> CreateAsync(OrdersApp app)
    {
        var admin = await app.AdminAsync();
        var accountId = await CreateAsync(admin, "/api/v1/accounts",
            new { name = "Werkgever " + Guid.NewGuid().ToString("N")[..6] });
        var otherAccountId = await CreateAsync(admin, "/api/v1/accounts", new { name = "Andere werkgever" });
        var providerId = await CreateAsync(admin, "/api/v1/providers", new
        {
            name = "Opleider", legalCompanies = new[] { new { name = "Opleider BV", vatNumber = "NL123456789B01" } },
        });
        var otherProviderId = await CreateAsync(admin, "/api/v1/providers", new { name = "Andere opleider" });

        var account = await ClientForAsync(app, admin, "Account", accountId);
        var otherAccount = await ClientForAsync(app, admin, "Account", otherAccountId);
        var provider = await ClientForAsync(app, admin, "Provider", providerId);
        var otherProvider = await ClientForAsync(app, admin, "Provider", otherProviderId);

        var courseId = await CreateAsync(provider, "/api/v1/courses",
            CourseBody("Projectmanagement", app.Time.GetUtcNow()));
        var otherCourseId = await CreateAsync(otherProvider, "/api/v1/courses",
            CourseBody("Boekhouden", app.Time.GetUtcNow()));
        var assortmentId = await CreateAsync(admin, "/api/v1/assortments",
            new { name = "Assortiment", accountIds = new[] { accountId }, productIds = new[] { courseId } });

        return new TestWorld(admin, accountId, account, otherAccountId, otherAccount, providerId, provider,
            otherProviderId, otherProvider, courseId, otherCourseId, assortmentId);
    }

    public static async Task<HttpClient> ClientForAsync(OrdersApp app, HttpClient admin, string role, Guid? tenantId)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/clients", new { name = $"{role} client", role, tenantId });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return await app.ClientWithTokenAsync(body.GetProperty("clientId").GetString()!,
            body.GetProperty("clientSecret").GetString()!);
    }

    public static async Task<Guid> CreateAsync(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created,
            $"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetGuid();
    }

    /// <summary>A scheduled course with three future start moments and two price components.</summary>
    public static JsonObject CourseBody(string name, DateTimeOffset now) => new()
    {
        ["name"] = name,
        ["orderType"] = "Course",
        ["productType"] = "Training",
        ["productTypeDisplayValue"] = "Training",
        ["learningMethod"] = new JsonObject
        {
            ["name"] = "Klassikaal",
            ["format"] = "Classroom",
            ["planning"] = new JsonObject
            {
                ["type"] = "Scheduled",
                ["startMoments"] = new JsonArray(
                    Moment("SM-1", now.AddDays(30)), Moment("SM-2", now.AddDays(60)), Moment("SM-3", now.AddDays(90))),
            },
        },
        ["priceComponents"] = new JsonArray(
            new JsonObject { ["costType"] = "CourseFee", ["amountWithoutVat"] = 1000m, ["vatPercentage"] = 21m },
            new JsonObject { ["costType"] = "ExamFee", ["amountWithoutVat"] = 250.50m, ["vatPercentage"] = 21m }),
        ["isProfessionalCourse"] = false,
    };

    private static JsonObject Moment(string externalId, DateTimeOffset date) => new()
    {
        ["externalId"] = externalId, ["date"] = date.ToString("O"), ["location"] = "Hilversum",
        ["startGuaranteed"] = true,
    };
}
