using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Tests.Infrastructure;

namespace OpenOrders.Api.Tests.Catalog;

/// <summary>Every kind of bad input gets a problem that names what is wrong, and nothing is stored.</summary>
public abstract class BadInputTests<TApp>(TApp app) : IClassFixture<TApp>, IAsyncLifetime where TApp : OrdersApp
{
    private TestWorld world = null!;

    public async Task InitializeAsync() => world = await TestWorld.CreateAsync(app);
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Malformed_json_is_400_naming_the_body()
    {
        var problem = await PostCourseExpecting400("{ \"name\": \"Half a course\", ");
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _), problem.ToString());
    }

    [Theory]
    [InlineData("orderType", "\"Seminar\"", "Course, ELearning, Exam, Coaching")]
    [InlineData("orderType", "3", "Course, ELearning, Exam, Coaching")]
    [InlineData("isProfessionalCourse", "\"yes\"", "true or false")]
    [InlineData("name", "42", "string")]
    public async Task A_wrong_type_or_unknown_enum_is_400_naming_the_property(string property, string json, string hint)
    {
        var body = TestWorld.CourseBody("Typefout", app.Time.GetUtcNow());
        body.Remove(property);
        var text = body.ToJsonString().TrimEnd('}') + $", \"{property}\": {json} }}";

        var problem = await PostCourseExpecting400(text);
        var messages = problem.GetProperty("errors").GetProperty(property);
        Assert.Contains(hint, messages[0].GetString());
    }

    [Fact]
    public async Task A_wrong_type_deep_in_the_body_is_named_by_its_path()
    {
        var body = TestWorld.CourseBody("Diep", app.Time.GetUtcNow());
        body["priceComponents"]![1]!["amountWithoutVat"] = "veel";
        var problem = await PostCourseExpecting400(body.ToJsonString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("priceComponents[1].amountWithoutVat", out _),
            problem.ToString());
    }

    [Theory]
    [InlineData("79228162514264337593543950335")]
    [InlineData("1000000.01")]
    [InlineData("-0.01")]
    public async Task A_price_outside_its_bounds_is_400_and_no_course_is_stored(string amount)
    {
        var before = await app.WithDbAsync(db => db.Products.CountAsync());
        var body = TestWorld.CourseBody("Onbetaalbaar", app.Time.GetUtcNow());
        body["priceComponents"]![0]!["amountWithoutVat"] = System.Text.Json.Nodes.JsonValue.Create(
            decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));
        var problem = await PostCourseExpecting400(body.ToJsonString());
        Assert.Contains("between 0 and 1000000", problem.GetProperty("errors")
            .GetProperty("priceComponents[0].amountWithoutVat")[0].GetString());
        Assert.Equal(before, await app.WithDbAsync(db => db.Products.CountAsync()));
    }

    [Fact]
    public async Task Missing_fields_are_each_named()
    {
        var problem = await PostCourseExpecting400("{ \"learningMethod\": { \"planning\": { \"type\": \"Scheduled\", " +
            "\"startMoments\": [ { \"location\": \"Hilversum\" } ] } } }");
        var errors = problem.GetProperty("errors");
        foreach (var property in new[] { "name", "orderType", "learningMethod.name", "learningMethod.format",
                     "priceComponents", "learningMethod.planning.startMoments[0].externalId",
                     "learningMethod.planning.startMoments[0].date" })
            Assert.True(errors.TryGetProperty(property, out _), $"{property} not named in {errors}");
    }

    [Fact]
    public async Task Unknown_ids_in_an_assortment_are_named_and_nothing_is_stored()
    {
        var before = await app.WithDbAsync(db => db.Assortments.CountAsync());
        var response = await world.Admin.PostAsJsonAsync("/api/v1/assortments", new { name = "Spook",
            accountIds = new[] { Guid.NewGuid() }, productIds = new[] { world.CourseId, Guid.NewGuid() } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("accountIds", out _));
        Assert.Single(errors.GetProperty("productIds").EnumerateArray());
        Assert.Equal(before, await app.WithDbAsync(db => db.Assortments.CountAsync()));
    }

    [Fact]
    public async Task An_unknown_route_a_wrong_method_and_a_wrong_media_type_are_problems()
    {
        var missing = await world.Admin.GetAsync("/api/v1/no-such-thing");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType?.MediaType);

        var method = await world.Admin.DeleteAsync("/api/v1/courses");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal("application/problem+json", method.Content.Headers.ContentType?.MediaType);

        var media = await world.Provider.PostAsync("/api/v1/courses",
            new StringContent("name=x", Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, media.StatusCode);
        Assert.Equal("application/problem+json", media.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_course_for_another_provider_is_refused()
    {
        var body = TestWorld.CourseBody("Voor een ander", app.Time.GetUtcNow());
        body["providerId"] = world.OtherProviderId.ToString();
        var response = await world.Provider.PostAsync("/api/v1/courses", JsonBody(body.ToJsonString()));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("providerId", out _));
    }

    [Fact]
    public async Task A_legal_company_with_an_implausible_vat_number_is_refused()
    {
        var response = await world.Admin.PostAsJsonAsync("/api/v1/providers",
            new { name = "BTW-loos", legalCompanies = new[] { new { name = "X", vatNumber = "NL12345" } } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")
            .TryGetProperty("legalCompanies[0].vatNumber", out _));
    }

    private async Task<JsonElement> PostCourseExpecting400(string json)
    {
        var before = await app.WithDbAsync(db => db.Products.CountAsync());
        var response = await world.Provider.PostAsync("/api/v1/courses", JsonBody(json));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("traceId", out _));
        Assert.DoesNotContain("OpenOrders.", text); // no internal type names
        Assert.Equal(before, await app.WithDbAsync(db => db.Products.CountAsync()));
        return problem;
    }

    private static StringContent JsonBody(string text) => new(text, Encoding.UTF8, "application/json");
}

public sealed class SqliteBadInputTests(SqliteApp app) : BadInputTests<SqliteApp>(app);

public sealed class PostgresBadInputTests(PostgresApp app) : BadInputTests<PostgresApp>(app);
