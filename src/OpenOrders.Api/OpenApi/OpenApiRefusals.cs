using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace OpenOrders.Api.OpenApi;

/// <summary>
/// The answers an operation gives because of how it is called rather than what it does, each declared only where it
/// can happen: 401 and 403 (declared by the groups) on secured operations, 429 under /api, 413 where a body is sent,
/// 415 where the framework reads a JSON body, 400 where a parameter or body may be unreadable; and the Location header
/// of every 201 and 202.
/// </summary>
public static class OpenApiRefusals
{
    public static void Declare(OpenApiOperation operation, OpenApiOperationTransformerContext context, bool secured)
    {
        var document = context.Document;
        operation.Responses ??= new OpenApiResponses();
        var parameters = context.Description.ParameterDescriptions;
        var readsJsonBody = parameters.Any(p => p.Source == BindingSource.Body);
        if (secured)
        {
            Add(operation, document, "401", "No valid bearer token.");
            Add(operation, document, "403", "The caller's role may not call this.");
        }
        // The rate is per client, counted on every /api request that carries its token, anonymous operations too.
        if (secured || context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
        {
            Add(operation, document, "429", "Over this client's rate; wait as Retry-After says.");
            if (operation.Responses["429"] is OpenApiResponse tooMany) tooMany.Headers = RateLimitHeaders();
        }
        if (operation.RequestBody is not null)
            Add(operation, document, "413", "The request body is larger than the limit.");
        if (readsJsonBody) Add(operation, document, "415", "The body is not sent as application/json.");
        if (readsJsonBody || operation.Parameters is { Count: > 0 })
            Add(operation, document, "400", "A parameter or the body could not be read.",
                "HttpValidationProblemDetails");
        foreach (var (status, response) in operation.Responses)
            if (status is "201" or "202" && response is OpenApiResponse created)
            {
                created.Headers ??= new Dictionary<string, IOpenApiHeader>();
                created.Headers["Location"] = new OpenApiHeader
                {
                    Description = "The address of what was created (or, for 202, of what will change).",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri" },
                };
            }
    }

    private static void Add(OpenApiOperation operation, OpenApiDocument? document, string status, string description,
        string schema = "ProblemDetails")
    {
        if (operation.Responses!.ContainsKey(status))
        {
            if (operation.Responses[status] is OpenApiResponse known && known.Description is null or "" or
                    "Bad Request" or "Unauthorized" or "Forbidden" or "Conflict" or "Not Found")
                known.Description = description;
            return;
        }
        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference(schema, document) },
            },
        };
    }

    /// <summary>What Hosting/ClientRateLimits sends with a 429.</summary>
    private static Dictionary<string, IOpenApiHeader> RateLimitHeaders() => new()
    {
        ["Retry-After"] = new OpenApiHeader
        {
            Description = "Seconds to wait before the next request.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "0" },
        },
        ["RateLimit-Policy"] = new OpenApiHeader
        {
            Description =
                "The client's quota, as the IETF RateLimit draft writes it: \"per-client\";q=burst;w=seconds.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
        ["RateLimit"] = new OpenApiHeader
        {
            Description = "What is left: \"per-client\";r=remaining;t=seconds until it is refilled.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        },
    };
}
