using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using OpenOrders.Api.Auth;

namespace OpenOrders.Api.Limits;

/// <summary>The <c>RateLimiting</c> configuration section.</summary>
public sealed class RateLimitingOptions
{
    /// <summary>Sustained requests per second per API client; 0 turns the limit off.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>How many requests a client may make at once after a quiet spell.</summary>
    public int Burst { get; set; } = 200;
}

/// <summary>
/// A token bucket per API client (by the client id in its token; <see cref="ClockTokenBucket"/>, on the service's
/// clock), so one client cannot take the whole service.
/// Over it: 429 with a problem body, <c>Retry-After</c> and the IETF draft's <c>RateLimit-Policy</c> and
/// <c>RateLimit</c> headers, which every API answer carries. Per instance: several instances each allow the rate.
/// </summary>
public static class ClientRateLimits
{
    public const string Policy = "per-client";

    public static IServiceCollection AddClientRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("RateLimiting").Get<RateLimitingOptions>() ?? new RateLimitingOptions();
        services.AddSingleton(options);
        if (options.PermitsPerSecond <= 0) return services;
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                ClientOf(http) is { } client
                    ? RateLimitPartition.Get(client, _ => new ClockTokenBucket(options.Burst,
                        options.PermitsPerSecond, TimeSpan.FromSeconds(1),
                        http.RequestServices.GetRequiredService<TimeProvider>()))
                    : RateLimitPartition.GetNoLimiter(""));
            limiter.OnRejected = async (context, ct) =>
            {
                var http = context.HttpContext;
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after)
                    ? after : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                Headers(http, options, remaining: 0, reset: seconds);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = http,
                        ProblemDetails = new ProblemDetails
                        {
                            Status = 429, Title = "Too many requests",
                            Detail = $"This client may make {options.PermitsPerSecond} requests per second " +
                                     $"(bursts of {options.Burst}). " +
                                     $"Retry after {seconds} s.",
                        },
                    });
            };
        });
        return services;
    }

    public static IApplicationBuilder UseClientRateLimits(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<RateLimitingOptions>();
        if (options.PermitsPerSecond <= 0) return app;
        app.UseRateLimiter();
        // Every answer tells the client where it stands, so a well-behaved client can pace itself.
        return app.Use((http, next) =>
        {
            if (ClientOf(http) is not null)
                http.Response.OnStarting(() =>
                {
                    if (http.Response.StatusCode != 429)
                        Headers(http, options, remaining: null, reset: 1);
                    return Task.CompletedTask;
                });
            return next();
        });
    }

    /// <summary>Only authenticated API calls are limited; the console and anonymous answers (401) are not.</summary>
    private static string? ClientOf(HttpContext http) =>
        http.Request.Path.StartsWithSegments("/api") && http.User.Identity?.IsAuthenticated == true
            ? Caller.From(http)?.Id
            : null;

    private static void Headers(HttpContext http, RateLimitingOptions options, int? remaining, int reset)
    {
        var window = Math.Max(1, options.Burst / options.PermitsPerSecond);
        http.Response.Headers["RateLimit-Policy"] = $"\"{Policy}\";q={options.Burst};w={window}";
        if (remaining is { } r) http.Response.Headers["RateLimit"] = $"\"{Policy}\";r={r};t={reset}";
        else if (http.RequestServices.GetService<Microsoft.Extensions.Options.IOptions<RateLimiterOptions>>()
                     ?.Value.GlobalLimiter is { } limiter
                 && limiter.GetStatistics(http) is { } statistics)
            http.Response.Headers["RateLimit"] = $"\"{Policy}\";r={statistics.CurrentAvailablePermits};t={reset}";
    }
}
