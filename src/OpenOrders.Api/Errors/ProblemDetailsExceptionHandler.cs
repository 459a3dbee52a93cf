using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace OpenOrders.Api.Errors;

/// <summary>
/// The one place that turns exceptions into RFC 9457 answers: unreadable request bodies become 400 with the
/// property named; anything unexpected becomes a 500 that shows no internals outside Development.
/// </summary>
internal sealed class ProblemDetailsExceptionHandler(IProblemDetailsService problems, IHostEnvironment env, ILogger<ProblemDetailsExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var problem = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => FromJson(http, json),
            BadHttpRequestException bad => FromBadRequest(bad),
            _ => null,
        };
        if (problem is null)
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
            problem = new ProblemDetails
            {
                Status = 500,
                Title = "An unexpected error occurred.",
                Detail = env.IsDevelopment() ? exception.ToString() : "The error has been logged. Quote the traceId when you report it.",
            };
        }
        http.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception });
    }

    private static ValidationProblemDetails FromJson(HttpContext http, JsonException json)
    {
        // The handler runs with the endpoint cleared; the feature remembers which one failed.
        var endpoint = http.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? http.GetEndpoint();
        var bodyType = endpoint?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IAcceptsMetadata>()?.RequestType;
        var (property, message) = JsonErrorMessages.Describe(json, bodyType);
        return new ValidationProblemDetails(new Dictionary<string, string[]> { [property] = [message] })
        {
            Status = 400,
            Title = "The request body could not be read.",
            Detail = "See errors for the property that could not be read. Nothing was stored.",
        };
    }

    private static ProblemDetails FromBadRequest(BadHttpRequestException bad) => bad.StatusCode switch
    {
        415 => new ProblemDetails { Status = 415, Title = "Unsupported media type", Detail = "Send the body as application/json." },
        400 when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) =>
            new ValidationProblemDetails(new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] })
            { Status = 400, Title = "The request body is missing." },
        _ => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message },
    };
}
