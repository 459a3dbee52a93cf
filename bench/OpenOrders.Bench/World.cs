using System.Text.Json;

namespace OpenOrders.Bench;

/// <summary>
/// An account, a provider with a legal company, a course with start moments far ahead, an assortment, and a token
/// per role.
/// </summary>
public sealed record World(Guid AccountId, Guid ProviderId, Guid CourseId, string AdminToken, string AccountToken,
    string ProviderToken)
{
    /// <param name="approval">The account approves its orders first: each order waits in PendingAccount and its
    /// team leader (when the body names one) is mailed.</param>
    public static async Task<World> CreateAsync(Api api, string adminId, string adminSecret, bool approval = false)
    {
        var admin = await api.TokenAsync(adminId, adminSecret);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var accountId = (await api.CreateAsync("/api/v1/accounts", admin,
            new { name = $"Bench werkgever {tag}", accountFeePercentage = 2, requireAccountApproval = approval }))
            .GetProperty("id").GetGuid();
        var providerId = (await api.CreateAsync("/api/v1/providers", admin, new
        {
            name = $"Bench opleider {tag}", calculateProviderFee = true, providerFeePercentage = 5,
            legalCompanies = new[] { new { name = "Bench Opleidingen BV", vatNumber = "NL123456789B01" } },
        })).GetProperty("id").GetGuid();
        var accountToken = await ClientTokenAsync(api, admin, "Account", accountId);
        var providerToken = await ClientTokenAsync(api, admin, "Provider", providerId);
        var start = DateTimeOffset.UtcNow.Date.AddYears(1);
        var courseId = (await api.CreateAsync("/api/v1/courses", providerToken, new
        {
            name = "Bench course", orderType = "Course",
            learningMethod = new
            {
                name = "Klassikaal", format = "Classroom",
                planning = new
                {
                    type = "Scheduled",
                    startMoments = Enumerable.Range(1, 5).Select(i => new { externalId = $"SM-{i}",
                        date = start.AddDays(14 * i), location = "Hilversum", startGuaranteed = true })
                },
            },
            priceComponents = new[]
            {
                new { costType = "CourseFee", amountWithoutVat = 1195m, vatPercentage = 21m },
                new { costType = "ExamFee", amountWithoutVat = 350m, vatPercentage = 21m }
            },
        })).GetProperty("id").GetGuid();
        await api.CreateAsync("/api/v1/assortments", admin,
            new { name = $"Bench {tag}", accountIds = new[] { accountId }, productIds = new[] { courseId } });
        return new World(accountId, providerId, courseId, admin, accountToken, providerToken);
    }

    private static async Task<string> ClientTokenAsync(Api api, string admin, string role, Guid tenant)
    {
        var client = await api.CreateAsync("/api/v1/clients", admin,
            new { name = $"bench {role}", role, tenantId = tenant });
        return await api.TokenAsync(client.GetProperty("clientId").GetString()!,
            client.GetProperty("clientSecret").GetString()!);
    }

    /// <summary>The guide's example body for this world, naming a team leader when one is given.</summary>
    public string GuideBody(string startMoment = "SM-1", string? teamLeader = null) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["accountReference"] = AccountId, ["productReference"] = CourseId, ["OrderType"] = "Course",
        ["teamLeaderName"] = teamLeader is null ? null : "Bench Leider", ["teamLeaderEmailAddress"] = teamLeader,
        ["name"] = "Test course for testing orders",
        ["customer"] = new Dictionary<string, object?>
        {
            ["firstName"] = "Test", ["middleName"] = null, ["surname"] = "User", ["birthDate"] = "1990-01-01",
            ["birthCity"] = "Hilversum", ["birthCountryCode"] = "NL", ["email"] = "testuser@eduMS.nl",
            ["phoneNumber"] = "+31612345678", ["company"] = "EduMS", ["department"] = null,
            ["address"] = new Dictionary<string, object?>
            {
                ["street"] = "Marathon", ["houseNumber"] = 7, ["houseNumberAdditive"] = "", ["postalCode"] = "1213PD",
                ["city"] = "Hilversum", ["countryCode"] = "NL"
            },
        },
        ["customAttributes"] = new Dictionary<string, object?> { ["FirstChoiceStartmomentId"] = startMoment },
    });
}
