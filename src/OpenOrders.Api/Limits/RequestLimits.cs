using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace OpenOrders.Api.Limits;

/// <summary>The <c>Limits</c> configuration section.</summary>
public sealed class LimitsOptions
{
    /// <summary>The largest request body, in bytes; a larger one is refused with 413 before it is read.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;
}

public static class RequestLimits
{
    public static WebApplicationBuilder AddRequestLimits(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("Limits");
        builder.Services.Configure<LimitsOptions>(section);
        var max = section.Get<LimitsOptions>()?.MaxRequestBodyBytes ?? new LimitsOptions().MaxRequestBodyBytes;
        // Kestrel stops a body without a length (chunked) once it passes the limit; the middleware answers a declared
        // one at once.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = max);
        return builder;
    }

    /// <summary>A body declared larger than the limit is answered 413 before a byte of it is read.</summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var max = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<LimitsOptions>>()
            .Value.MaxRequestBodyBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = max;
        if (http.Request.ContentLength > max)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails = TooLarge(max),
            });
            return;
        }
        await next();
    });

    public static ProblemDetails TooLarge(long max) => new()
    {
        Status = StatusCodes.Status413PayloadTooLarge,
        Title = "The request body is too large",
        Detail = $"Request bodies may be at most {max} bytes. Nothing was read or stored.",
    };
}
