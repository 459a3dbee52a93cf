using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Api.Auth;
using OpenOrders.Api.Data;
using OpenOrders.Api.Errors;
using OpenOrders.Api.Hosting;
using OpenOrders.Domain;
using OpenOrders.Domain.Catalog;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Catalog;

/// <summary>
/// Courses (products). A provider creates, replaces and reads its own; an account reads the active courses of
/// its assortments; an admin does everything. Someone else's course answers 404.
/// </summary>
public static class CoursesApi
{
    public static RouteGroupBuilder MapCoursesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/courses").WithTags("Courses")
            .RequireRoles(Role.Admin, Role.Provider, Role.Account)
            .ProducesProblem(401).ProducesProblem(403);
        group.MapGet("", ListCourses)
            .WithName("listCourses")
            .WithDescription("A provider's own courses, or the courses of an account's assortments.")
            .WithSummary("List the courses the caller may see");
        group.MapGet("/{id:guid}", GetCourse)
            .WithName("getCourse")
            .WithDescription("One course with its start moments (an order names a start moment by its externalId).")
            .WithSummary("Get a course").ProducesProblem(404);
        group.MapPost("", CreateCourse)
            .WithName("createCourse")
            .WithDescription("A provider creates a course with its learning method, start moments and price " +
                "components.")
            .RequireRoles(Role.Admin, Role.Provider).WithSummary("Create a course")
            .ProducesValidationProblem().ProducesProblem(409);
        group.MapPut("/{id:guid}", ReplaceCourse)
            .WithName("replaceCourse")
            .WithDescription("A provider replaces a course's description, start moments and prices.")
            .RequireRoles(Role.Admin, Role.Provider)
            .WithSummary("Replace a course; start moments keep their id when id or externalId matches")
            .ProducesValidationProblem().ProducesProblem(404);
        return group;
    }

    public static async Task<Ok<ItemsResponse<CourseResponse>>> ListCourses(
        Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct)
    {
        var courses = await (await CatalogQueries.CoursesOfAsync(db, caller, ct)).OrderBy(p => p.Name).ToListAsync(ct);
        return TypedResults.Ok(new ItemsResponse<CourseResponse>(
            [.. courses.Select(c => CourseResponse.From(c, Links.BaseUrl(request)))]));
    }

    public static async Task<Results<Ok<CourseResponse>, ProblemHttpResult>> GetCourse(
        Guid id, Caller caller, OrdersDbContext db, HttpRequest request, CancellationToken ct)
    {
        var course = await (await CatalogQueries.CoursesOfAsync(db, caller, ct))
            .SingleOrDefaultAsync(p => p.Id == id, ct);
        return course is null
            ? Problems.NotFound("course", id)
            : TypedResults.Ok(CourseResponse.From(course, Links.BaseUrl(request)));
    }

    public static async Task<Results<Created<CourseResponse>, ValidationProblem, ProblemHttpResult>> CreateCourse(
        CourseRequest body, Caller caller, OrdersDbContext db, TimeProvider time, HttpRequest request,
        CancellationToken ct)
    {
        var errors = new RequestErrors();
        body.Validate(errors);
        var providerId = await ProviderOfAsync(body, caller, db, errors, ct);
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        var id = body.Id ?? Guid.CreateVersion7();
        if (await db.Products.Where(p => p.Id == id).Select(p => (Guid?)p.ProviderId).SingleOrDefaultAsync(ct)
            is { } owner)
        {
            // Another provider's course is not this caller's to know of: its id is simply not usable here.
            if (!caller.IsAdmin && owner != caller.TenantId)
                return Problems.Invalid(new Dictionary<string, string[]>
                {
                    ["id"] = ["This id cannot be used. Leave it out and the service chooses one."],
                });
            return Problems.Conflict($"A course with id '{id}' already exists.");
        }
        var now = time.GetUtcNow();
        var course = new Product
        {
            Id = id, ProviderId = providerId, Name = body.Name!, DateCreated = now,
            LearningMethod = new LearningMethod { Name = body.LearningMethod!.Name! },
        };
        body.ApplyTo(course, now);
        db.Products.Add(course);
        await db.SaveChangesAsync(ct);
        var response = CourseResponse.From(course, Links.BaseUrl(request));
        return TypedResults.Created(response.Url, response);
    }

    public static async Task<Results<Ok<CourseResponse>, ValidationProblem, ProblemHttpResult>> ReplaceCourse(
        Guid id, CourseRequest body, Caller caller, OrdersDbContext db, TimeProvider time, HttpRequest request,
        CancellationToken ct)
    {
        var owned = caller.IsAdmin ? db.Products : db.Products.Where(p => p.ProviderId == caller.Tenant);
        var course = await owned.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (course is null) return Problems.NotFound("course", id);

        var errors = new RequestErrors();
        body.Validate(errors);
        if (body.Id is { } bodyId && bodyId != id) errors.Add("id", "Does not match the id in the URL.");
        if (body.ProviderId is { } p && p != course.ProviderId)
            errors.Add("providerId", "A course cannot move to another provider.");
        if (errors.Any) return Problems.Invalid(errors.ToDictionary());

        body.ApplyTo(course, time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(CourseResponse.From(course, Links.BaseUrl(request)));
    }

    /// <summary>A provider creates for itself; an admin names the provider.</summary>
    private static async Task<Guid> ProviderOfAsync(
        CourseRequest body, Caller caller, OrdersDbContext db, RequestErrors errors, CancellationToken ct)
    {
        if (!caller.IsAdmin)
        {
            if (body.ProviderId is { } other && other != caller.Tenant)
                errors.Add("providerId", "A provider creates courses for itself only.");
            return caller.Tenant;
        }
        if (!errors.Required(body.ProviderId, "providerId")) return Guid.Empty;
        if (!await db.Providers.AnyAsync(p => p.Id == body.ProviderId, ct))
            errors.Add("providerId", $"There is no provider with id '{body.ProviderId}'.");
        return body.ProviderId.Value;
    }
}
