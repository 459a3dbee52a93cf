using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using OpenOrders.Api.Hosting;
using Scalar.AspNetCore;

namespace OpenOrders.Api.OpenApi;

/// <summary>
/// The OpenAPI document at /openapi/v1.json and the interactive reference at /docs. Each operation is described where
/// it is mapped (name, summary, description, responses, headers: see <see cref="OpenApiEndpoints"/>); this adds what
/// every operation shares: the security requirement and the refusals any request may meet.
/// </summary>
public static class OpenApiSetup
{
    public const string Bearer = "Bearer";

    /// <summary>The tags the endpoints name with <c>WithTags</c>, in the document's order, with what each holds.
    /// </summary>
    private static readonly (string Name, string Description)[] Tags =
    [
        ("Auth", "Bearer tokens for API clients (OAuth 2.0 client credentials). Every other operation needs one."),
        ("Orders", "Orders of a course for a student: create, read, list and sync, change, and move through the " +
            "statuses."),
        ("Webhooks", "Notifications of every change, signed, retried for days, with a delivery log and replay; " +
            "and the events feed."),
        ("Invoicing", "The admin's invoice run: consecutive invoice numbers for the orders that are due."),
        ("Accounts", "Employers that order courses for their people."),
        ("Providers", "Training institutes that own courses, with the legal companies invoices are issued on behalf " +
            "of."),
        ("Assortments", "The courses an account may order."),
        ("Courses", "A provider's courses, with their start moments and prices."),
        ("Promotional codes", "Discount codes an order may carry."),
        ("Enumerations", "Every enumeration with its values and Dutch display values."),
        ("Clients", "API clients: one role and, for accounts and providers, one tenant. The secret is shown once."),
        ("People", "People of the console: invited by an admin with a one-time link to set a password."),
        ("Mail", "The mail the service sends people (students, team leaders, the console's people), kept in an " +
            "outbox written with each change and sent over SMTP."),
    ];

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
                Tags.Select(t => new OpenApiTag { Name = t.Name, Description = t.Description }));
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
            OpenApiRefusals.Declare(operation, context, secured);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer(OpenApiSchemas.TransformAsync);
        options.AddDocumentTransformer(OpenApiSchemas.TransformDocumentAsync);
        options.AddDocumentTransformer(OpenApiWebhooks.TransformDocumentAsync);
    });

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
