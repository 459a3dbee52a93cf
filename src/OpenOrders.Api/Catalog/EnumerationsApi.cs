using Microsoft.AspNetCore.Http.HttpResults;
using OpenOrders.Domain.Enumerations;
using OpenOrders.Api.OpenApi;

namespace OpenOrders.Api.Catalog;

/// <summary>Every enumeration with its Dutch display values: reference data, readable without a token.</summary>
public static class EnumerationsApi
{
    public static IEndpointRouteBuilder MapEnumerationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/enumerations", ListEnumerations)
            .WithName("listEnumerations")
            .WithDescription("Every enumeration the API uses, with its values and their Dutch display values.")
            .AllowAnonymous().WithTags("Enumerations")
            .WithSummary("List every enumeration and its display values");
        return app;
    }

    public static Ok<IReadOnlyList<Enumeration>> ListEnumerations() => TypedResults.Ok(DisplayValues.All);
}
