using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using OpenOrders.Domain.Orders;

namespace OpenOrders.Api.Errors;

/// <summary>
/// The one place that turns exceptions into RFC 9457 answers: unreadable request bodies become 400 with the
/// property named; every refusal of the domain (<see cref="OrderRuleViolation"/>, by its kind) becomes its HTTP
/// answer here: an illegal move 409 with the allowed statuses, missing input 400, an order not ready 422, any other
/// conflict 409; a lost concurrency race 412 (with If-Match) or 409; anything unexpected a 500 that shows no
/// internals outside Development.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, IHostEnvironment env,
    ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(http, json),
            BadHttpRequestException { StatusCode: 413 } => Limits.RequestLimits.TooLarge(
                http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Limits.LimitsOptions>>()
                    .Value.MaxRequestBodyBytes),
            BadHttpRequestException bad => FromBadRequest(bad),
            OrderRuleViolation violation => FromViolation(violation),
            // With If-Match the client named a version, and it is no longer current.
            DbUpdateConcurrencyException when !string.IsNullOrEmpty(http.Request.Headers.IfMatch) => new ProblemDetails
            {
                Status = 412,
                Title = "Precondition failed",
                Detail = "The order was changed by someone else at the same moment; "
                    + "the ETag you sent is no longer current. Read it again and retry.",
            },
            DbUpdateConcurrencyException => new ProblemDetails
            {
                Status = 409,
                Title = "Changed at the same time",
                Detail = "Someone else changed this order at the same moment, and their change won. "
                    + "Read it again and retry if it still applies.",
            },
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500,
                Title = "An unexpected error occurred.",
                Detail = env.IsDevelopment()
                    ? exception.ToString()
                    : "The error has been logged. Quote the traceId when you report it.",
            };
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(
            new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ValidationProblemDetails FromJson(HttpContext http, JsonException json)
    {
        // The handler runs with the endpoint cleared; the feature remembers which one failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()
            ?.RequestType;
        var (property, message) = JsonErrorMessages.Describe(json, bodyType);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [property] = [message] })
        {
            Status = 400,
            Title = "The request body could not be read.",
            Detail = "See errors for the property that could not be read. Nothing was stored.",
        };
    }

    /// <summary>
    /// The order rules' one typed error: an illegal move lists where the caller may move the order now.
    /// </summary>
    private static ProblemDetails FromViolation(OrderRuleViolation violation)
    {
        var (status, title) = violation.Kind switch
        {
            ViolationKind.IllegalTransition => (409, "This status change is not allowed"),
            ViolationKind.MissingInput => (400, "The request is not valid."),
            ViolationKind.Unprocessable => (422, "The order is not ready for this"),
            _ => (409, "Not possible in the order's current state"),
        };
        ProblemDetails problem = violation.Errors.Count > 0
            ? new ValidationProblemDetails(violation.Errors.ToDictionary(e => e.Key, e => e.Value))
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = violation.Message;
        if (violation.Kind == ViolationKind.IllegalTransition)
            problem.Extensions["allowedStatuses"] = violation.AllowedStatuses.Select(s => s.ToString()).ToArray();
        return problem;
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        415 => new ProblemDetails { Status = 415, Title = "Unsupported media type",
            Detail = "Send the body as application/json." },
        400 when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
            new ValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] })
            { Status = 400, Title = "The request body is missing." },
        _ => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = WithoutTypes(bad.Message) },
    };

    /// <summary>
    /// The framework's binding messages name the parameter with its .NET type ("Nullable&lt;int&gt; Limit"): the
    /// caller knows it as <c>limit</c>, and the type is nobody's business.
    /// </summary>
    private static string WithoutTypes(string message) => System.Text.RegularExpressions.Regex.Replace(message,
        "parameter \"[^\"]*? (\\w+)\"",
        m => $"parameter \"{System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(m.Groups[1].Value)}\"");
}
