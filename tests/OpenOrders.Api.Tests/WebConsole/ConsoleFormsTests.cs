using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using OpenOrders.Api.Tests.Infrastructure;
using OpenOrders.Domain.Orders;
using static OpenOrders.Api.Tests.Infrastructure.OrderSteps;

namespace OpenOrders.Api.Tests.WebConsole;

/// <summary>
/// What the console's forms refuse, and what the correction form of an invalid order offers and does, over HTTP on
/// both databases (PostgreSQL is where a NUL in text fails).
/// </summary>
public abstract class ConsoleFormsTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime
    where TApp : OrdersApp
{
    private TestWorld world = null!;
    private ConsoleHttp planner = null!;
    private Guid order;

    public async Task InitializeAsync()
    {
        world = await TestWorld.CreateAsync(app);
        order = (await CreateAsync(world.Account, GuideBody(world.AccountId, world.CourseId, "SM-1")))
            .GetProperty("id").GetGuid();
        await WaitUntilValidatedAsync(world.Account, order);
        planner = await ConsoleHttp.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, world.Admin, "Provider", world.ProviderId));
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing()
    {
        var version = await VersionAsync();
        var post = await planner.Client.PostAsync($"/console/orders/{order}?handler=Move", new FormUrlEncodedContent(
            new Dictionary<string, string>
            {
                ["version"] = version.ToString(), ["target"] = "RejectedProvider", ["cancellationReason"] = "Other",
            }));
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains("The form could not be accepted", await post.Content.ReadAsStringAsync());
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task Text_with_a_nul_character_is_refused_on_both_databases_alike()
    {
        Assert.Equal(HttpStatusCode.BadRequest, (await planner.Client.GetAsync("/console/orders?q=a%00b")).StatusCode);

        var version = await VersionAsync();
        var post = await planner.PostFormAsync($"/console/orders/{order}?handler=Move", new()
        {
            ["version"] = version.ToString(), ["target"] = "RejectedProvider", ["cancellationReason"] = "Other",
            ["message"] = "nul\u0000inside",
        }, formPage: $"/console/orders/{order}");
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Equal(version, await VersionAsync());
    }

    [Fact]
    public async Task An_invalid_order_offers_every_field_its_findings_name_in_its_own_input_prefilled()
    {
        var (id, employer) = await InvalidOrderAsync();
        var findings = (await GetAsync(world.Account, id)).GetProperty("errors").EnumerateArray()
            .Select(e => e.GetProperty("property").GetString()!).ToHashSet();
        Assert.Superset(new HashSet<string>
        {
            "productReference", "orderType", "customAttributes.firstChoiceStartMomentId",
            "customAttributes.secondChoiceStartMomentId", "customer.firstName", "customer.email",
            "customer.birthDate", "customer.birthCountryCode", "customer.address.postalCode", "promotionalCode",
        }, findings);
        var page = WebUtility.HtmlDecode(await employer.Client.GetStringAsync($"/console/orders/{id}"));
        // What the employer can do now is to correct it, not "nothing".
        Assert.Contains("<a href=\"#correct-form\">Correct what is wrong and send the order again.</a>", page);
        Assert.DoesNotContain("waits for someone else", page);

        // Every field a finding names is in the form (the employer itself is not the order's to change).
        foreach (var property in findings.Where(p => p != "accountReference"))
            Assert.Contains($"id=\"field-{property.Replace('.', '-')}\"", page);
        // The course from the employer's assortment, the order's own marked as not in it and chosen.
        var course = Element(page, "select", "field-productReference");
        Assert.Contains($"<option value=\"{world.CourseId}\">", course);
        Assert.Matches($"<option value=\"{world.OtherCourseId}\" selected=\"selected\">\\s*Boekhouden " +
            "\\(not in the employer's assortment\\)", course);
        // Enums are a list of their display values; the order's value is chosen.
        var type = Element(page, "select", "field-orderType");
        Assert.Matches("<option value=\"Exam\" selected=\"selected\">", type);
        Assert.Contains("<option value=\"Course\">", type);
        // Start moments from the course's own, the order's unknown choice marked.
        var first = Element(page, "select", "field-customAttributes-firstChoiceStartMomentId");
        Assert.Matches("<option value=\"SM-404\" selected=\"selected\">\\s*SM-404 \\(not a start moment", first);
        Assert.Contains("<option value=\"SM-2\">", first);
        Assert.Contains("type=\"date\"", Element(page, "input", "field-customer-birthDate"));
        Assert.Contains("value=\"2999-01-01\"", Element(page, "input", "field-customer-birthDate"));
        // A finding about the postal code brings the whole address: the house number is a number.
        var house = Element(page, "input", "field-customer-address-houseNumber");
        Assert.Contains("inputmode=\"numeric\"", house);
        Assert.Contains("value=\"7\"", house);
        Assert.Contains("value=\"NL\"", Element(page, "input", "field-customer-address-countryCode"));
        Assert.Contains("inputmode=\"email\"", Element(page, "input", "field-customer-email"));
        Assert.Contains("value=\"NOPE\"", Element(page, "input", "field-promotionalCode"));
    }

    [Fact]
    public async Task A_correction_that_is_no_value_is_said_in_the_persons_words_and_changes_nothing()
    {
        var (id, employer) = await InvalidOrderAsync();
        var before = await GetAsync(world.Account, id);
        var version = before.GetProperty("version").GetInt32();
        Dictionary<string, string> Form() => new()
        {
            ["version"] = version.ToString(), ["field[customer.firstName]"] = "Sanne",
            ["field[customer.birthDate]"] = "31-05-1990", ["field[customer.address.houseNumber]"] = "7a",
            ["field[orderType]"] = "1", ["field[productReference]"] = Guid.NewGuid().ToString(),
            ["field[customAttributes.firstChoiceStartMomentId]"] = "SM-999",
            ["field[customer.surname]"] = new string('a', OrderProperties.TextLength + 1),
        };
        var response = await employer.PostFormAsync($"/console/orders/{id}?handler=Correct", Form(),
            formPage: $"/console/orders/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nothing was changed: correct these fields first.", page);
        foreach (var said in new[]
        {
            "Student's date of birth: enter a date as year-month-day, for example 1990-05-31.",
            "House number: enter a whole number, for example 12.", "Type: choose one of the list.",
            "Course: choose one of the list.", "First choice of start moment: choose one of the list.",
            $"Student's surname: at most {OrderProperties.TextLength} characters.",
        })
            Assert.Contains(said, page);
        // Drawn again as sent, each field marked, so nothing typed is lost.
        Assert.Contains("value=\"31-05-1990\"", Element(page, "input", "field-customer-birthDate"));
        Assert.Contains("aria-invalid=\"true\"", Element(page, "input", "field-customer-birthDate"));
        Assert.Contains("value=\"Sanne\"", Element(page, "input", "field-customer-firstName"));
        Assert.Contains($"name=\"version\" value=\"{version}\"", page);

        // In Dutch for a Dutch person.
        employer.Client.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("nl-NL"));
        page = WebUtility.HtmlDecode(await (await employer.PostFormAsync($"/console/orders/{id}?handler=Correct",
            Form(), formPage: $"/console/orders/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("Er is niets gewijzigd: verbeter eerst deze velden.", page);
        Assert.Contains("Huisnummer: vul een geheel getal in, bijvoorbeeld 12.", page);

        var after = await GetAsync(world.Account, id);
        Assert.Equal(version, after.GetProperty("version").GetInt32());
        Assert.Equal("Invalid", after.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, after.GetProperty("customer").GetProperty("firstName").ValueKind);
    }

    [Fact]
    public async Task Another_course_asks_for_its_start_moments_and_the_correction_is_checked_again()
    {
        var (id, employer) = await InvalidOrderAsync();
        var version = (await GetAsync(world.Account, id)).GetProperty("version").GetInt32();
        var form = new Dictionary<string, string>
        {
            ["version"] = version.ToString(), ["field[productReference]"] = world.CourseId.ToString(),
            ["field[customAttributes.firstChoiceStartMomentId]"] = "SM-404",
            ["field[customAttributes.secondChoiceStartMomentId]"] = "SM-404",
        };
        // The start moments offered were the old course's: the form is drawn again with the new course's.
        var response = await employer.PostFormAsync($"/console/orders/{id}?handler=Correct", new(form),
            formPage: $"/console/orders/{id}");
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("You chose another course: choose its start moments, then send the correction again.", page);
        Assert.Contains("First choice of start moment: choose a start moment of the course you chose.", page);
        Assert.Contains("Second choice of start moment: choose a start moment of the course you chose.", page);
        Assert.Matches($"<option value=\"{world.CourseId}\" selected=\"selected\">",
            Element(page, "select", "field-productReference"));
        Assert.Equal(version, (await GetAsync(world.Account, id)).GetProperty("version").GetInt32());

        form["field[customAttributes.firstChoiceStartMomentId]"] = "SM-2";
        form["field[customAttributes.secondChoiceStartMomentId]"] = "";
        form["field[orderType]"] = "Course";
        form["field[customer.firstName]"] = "Sanne";
        form["field[customer.email]"] = "sanne@example.nl";
        form["field[customer.birthDate]"] = "1990-05-31";
        form["field[customer.birthCountryCode]"] = "NL";
        form["field[customer.address.postalCode]"] = "1213 PD";
        form["field[promotionalCode]"] = "";
        response = await employer.PostFormAsync($"/console/orders/{id}?handler=Correct", form,
            formPage: $"/console/orders/{id}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var order = await WaitUntilValidatedAsync(world.Account, id);
        Assert.Equal("PendingProvider", order.GetProperty("status").GetString());
        Assert.Equal(0, order.GetProperty("errors").GetArrayLength());
        Assert.Equal(world.CourseId, order.GetProperty("productReference").GetProperty("id").GetGuid());
        Assert.Equal("SM-2", order.GetProperty("customAttributes").GetProperty("firstChoiceStartMomentId").GetString());
        Assert.Equal(7, order.GetProperty("customer").GetProperty("address").GetProperty("houseNumber").GetInt32());
        // The same update as a merge patch in Invalid: one recorded correction, then the checks again.
        Assert.Contains(order.GetProperty("orderStatusTransitions").EnumerateArray(),
            t => t.GetProperty("message").GetString() == OrderMessages.Corrected);
    }

    /// <summary>
    /// An order of the employer that the checks find wrong in every field they look at but the employer itself, and
    /// one of the employer's people signed in to the console.
    /// </summary>
    private async Task<(Guid Id, ConsoleHttp Employer)> InvalidOrderAsync()
    {
        var body = Parse(GuideBody(world.AccountId, world.OtherCourseId, "SM-404"));
        body["OrderType"] = "Exam";
        body["promotionalCode"] = "NOPE";
        body["customAttributes"]!["secondChoiceStartMomentId"] = "SM-404";
        var customer = body["customer"]!;
        (customer["firstName"], customer["email"], customer["birthDate"], customer["birthCountryCode"]) =
            (null, "not-an-email", "2999-01-01", "XX");
        customer["address"]!["postalCode"] = "12";
        var id = (await CreateAsync(world.Account, body.ToJsonString())).GetProperty("id").GetGuid();
        Assert.Equal("Invalid", (await WaitUntilValidatedAsync(world.Account, id)).GetProperty("status").GetString());
        var employer = await ConsoleHttp.SignInAsync(app,
            await ConsoleSteps.InviteAsync(app, world.Admin, "Account", world.AccountId));
        return (id, employer);
    }

    /// <summary>An element of the page by its id: a select with its options, or an input tag.</summary>
    private static string Element(string page, string tag, string id)
    {
        var match = Regex.Match(page, tag == "select"
            ? $"<select id=\"{id}\".*?</select>"
            : $"<input id=\"{id}\"[^>]*>", RegexOptions.Singleline);
        Assert.True(match.Success, $"No {tag} #{id} on the page.");
        return match.Value;
    }

    private async Task<int> VersionAsync() =>
        (await GetAsync(world.Provider, order)).GetProperty("version").GetInt32();
}

public sealed class SqliteConsoleFormsTests(SqliteApp app) : ConsoleFormsTests<SqliteApp>(app);

public sealed class PostgresConsoleFormsTests(PostgresApp app) : ConsoleFormsTests<PostgresApp>(app);
