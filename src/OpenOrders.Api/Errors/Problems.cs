using Microsoft.AspNetCore.Http.HttpResults;

namespace OpenOrders.Api.Errors;

/// <summary>The problem answers handlers give, worded once.</summary>
public static class Problems
{
    public static ProblemHttpResult NotFound(string resource, object id) =>
        TypedResults.Problem(statusCode: 404, title: "Not found", detail: $"There is no {resource} with id '{id}'.");

    public static ProblemHttpResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: 409, title: "Conflict", detail: detail, extensions: extensions);

    public static ProblemHttpResult Stale(int currentVersion) =>
        TypedResults.Problem(statusCode: 412, title: "Precondition failed",
            detail: $"If-Match does not name the current version of the order (\"{currentVersion}\"). "
                + "Read it again and retry.",
            extensions: new Dictionary<string, object?> { ["currentETag"] = $"\"{currentVersion}\"" });

    public static ValidationProblem Invalid(IDictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "The request is not valid.",
            detail: "See errors for a message per property.");

    public static ValidationProblem Invalid(string property, string message) =>
        Invalid(new Dictionary<string, string[]> { [property] = [message] });
}
