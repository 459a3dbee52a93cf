using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace OpenOrders.Api.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /docs.</summary>
public static class OpenApiSetup
{
    private const string Bearer = "Bearer";

    public static IServiceCollection AddOrdersOpenApi(this IServiceCollection services) => services.AddOpenApi(options =>
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "OpenOrders API",
                Version = "v1",
                Description = "Orders for education marketplaces: accounts order courses from providers; the marketplace validates, " +
                              "routes, invoices and notifies. Get a token at POST /oauth/token (client credentials).",
            };
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
            if (metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any())
                operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] }];
            return Task.CompletedTask;
        });
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
