using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace OpenOrders.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /docs.</summary>
public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    public static IServiceCollection AddOrdersOpenApi(this IServiceCollection services, IConfiguration config) =>
        services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "OpenOrders API",
                Version = "v1",
                Description = "Orders for education marketplaces: accounts order courses from providers; " +
                              "the marketplace validates, " +
                              "routes, invoices and notifies. Get a token at POST /oauth/token (client credentials).",
                // Whoever runs the service answers for it: OpenApi:ContactName, :ContactUrl and :ContactEmail.
                Contact = new OpenApiContact
                {
                    Name = config["OpenApi:ContactName"] ?? "OpenOrders API support",
                    Url = new Uri(config["OpenApi:ContactUrl"]
                        ?? $"{PublicUrl.From(config).BaseUrl}/docs"),
                    // a placeholder until the operator names one
                    Email = config["OpenApi:ContactEmail"] ?? "api@example.org",
                },
                License = new OpenApiLicense { Name = "MIT", Identifier = "MIT" },
            };
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Tags = new HashSet<OpenApiTag>(
                OpenApiDescriptions.Tags.Select(t => new OpenApiTag { Name = t.Key, Description = t.Value }));
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /oauth/token (client credentials), valid for one hour.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, _) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            var secured = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
            // The token endpoint says outright that it needs no token; everything else names the bearer scheme.
            operation.Security = secured
                ? [new OpenApiSecurityRequirement
                    { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }]
                : [];
            DeclareRefusals(operation, context.Document, secured);
            if (metadata.OfType<System.Reflection.MethodInfo>().FirstOrDefault() is { } handler)
            {
                operation.OperationId = OpenApiDescriptions.OperationIds.GetValueOrDefault(handler.Name)
                    ?? char.ToLowerInvariant(handler.Name[0]) + handler.Name[1..];
                if (OpenApiDescriptions.Operations.TryGetValue(operation.OperationId, out var description))
                    operation.Description = description;
                AttachExamples(operation);
                DescribeParameters(operation, context.Document);
            }
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer(OpenApiSchemas.TransformAsync);
        options.AddDocumentTransformer(OpenApiSchemas.TransformDocumentAsync);
    });

    /// <summary>
    /// What any operation may answer besides its own: 413 for a body over the limit (refused before it is read), and
    /// for a secured one 401 (no valid token), 403 (a role that may never call it) and 429 (over the client's rate).
    /// </summary>
    private static void DeclareRefusals(OpenApiOperation operation, OpenApiDocument? document, bool secured)
    {
        operation.Responses ??= new OpenApiResponses();
        (string, string)[] refusals = secured
            ? [("401", "No valid bearer token."), ("403", "The caller's role may not call this."),
               ("413", "The request body is larger than the limit."),
               ("429", "Over this client's rate; see Retry-After.")]
            : [("413", "The request body is larger than the limit.")];
        foreach (var (status, description) in refusals)
        {
            if (operation.Responses.ContainsKey(status)) continue;
            operation.Responses[status] = new OpenApiResponse
            {
                Description = description,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] =
                        new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                },
            };
        }
    }

    /// <summary>The pages' limits, and the 400 any unreadable parameter gets.</summary>
    private static void DescribeParameters(OpenApiOperation operation, OpenApiDocument? document)
    {
        if (operation.Parameters is not { Count: > 0 } parameters) return;
        var largest = operation.OperationId == "listOrders" ? 200 : 500;
        foreach (var parameter in parameters.OfType<OpenApiParameter>())
            if (string.Equals(parameter.Name, "limit", StringComparison.OrdinalIgnoreCase)
                    && parameter.Schema is OpenApiSchema limit)
                (limit.Minimum, limit.Maximum) =
                    ("1", largest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        operation.Responses ??= new OpenApiResponses();
        if (!operation.Responses.ContainsKey("400"))
            operation.Responses["400"] = new OpenApiResponse
            {
                Description = "A parameter could not be read.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/problem+json"] =
                        new() { Schema = new OpenApiSchemaReference("HttpValidationProblemDetails", document) },
                },
            };
    }

    private static void AttachExamples(OpenApiOperation operation)
    {
        if (!OpenApiDescriptions.Examples.TryGetValue(operation.OperationId!, out var examples)) return;
        foreach (var (where, name) in examples)
        {
            var content = where == "request"
                ? operation.RequestBody?.Content
                : operation.Responses?.TryGetValue(where, out var response) == true ? response.Content : null;
            foreach (var media in content?.Values ?? [])
                if (media is OpenApiMediaType m) m.Example = OpenApiDescriptions.Example(name);
        }
    }

    public static WebApplication MapOrdersOpenApi(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("OpenOrders API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .AddPreferredSecuritySchemes(Bearer))
            .AllowAnonymous();
        return app;
    }
}
