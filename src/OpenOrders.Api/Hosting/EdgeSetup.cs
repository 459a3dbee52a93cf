using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace OpenOrders.Api.Hosting;

/// <summary>
/// What the service believes about the connection in front of it: which proxies may say who the client is, which
/// hosts it answers to, that browsers keep to HTTPS, and who may read its metrics.
/// </summary>
public static class EdgeSetup
{
    public static IServiceCollection AddOrdersEdge(this IServiceCollection services, IConfiguration config,
        IHostEnvironment env)
    {
        var url = PublicUrl.From(config);
        services.AddSingleton(url);

        // ASPNETCORE_FORWARDEDHEADERS_ENABLED alone trusts X-Forwarded-For from anyone, so a client could name any
        // address it likes and escape every per-address limit. Only loopback and the configured proxies are heard.
        services.PostConfigure<ForwardedHeadersOptions>(o =>
        {
            o.KnownIPNetworks.Clear();
            o.KnownProxies.Clear();
            o.KnownProxies.Add(IPAddress.Loopback);
            o.KnownProxies.Add(IPAddress.IPv6Loopback);
            foreach (var proxy in config.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [])
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            foreach (var network in config.GetSection("ForwardedHeaders:KnownNetworks").Get<string[]>() ?? [])
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });

        // In Production the service answers only to the public host it is given, unless AllowedHosts names others.
        var given = config["PublicBaseUrl"] ?? config["Webhooks:PublicBaseUrl"];
        if (env.IsProduction() && given is not null && config["AllowedHosts"] is null or "*")
            services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [url.Domain]);

        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear(); // outside Development a loopback host is a deployment like any other
        });
        return services;
    }

    public static IApplicationBuilder UseOrdersEdge(this IApplicationBuilder app, IHostEnvironment env) =>
        env.IsDevelopment() ? app : app.UseHsts();

    /// <summary>
    /// Prometheus metrics at <c>/metrics</c>: open in Development; elsewhere only with
    /// <c>Authorization: Bearer {Metrics:Token}</c>, and not there at all without a token. They name webhook
    /// receivers' hosts and the exceptions the service meets, which is nobody else's business.
    /// </summary>
    public static IEndpointRouteBuilder MapOrdersMetrics(this IEndpointRouteBuilder app, IConfiguration config,
        IHostEnvironment env)
    {
        var token = config["Metrics:Token"];
        if (env.IsDevelopment())
            app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        else if (!string.IsNullOrEmpty(token))
        {
            var expected = Encoding.UTF8.GetBytes("Bearer " + token);
            app.MapPrometheusScrapingEndpoint("/metrics", meterProvider: null, configureBranchedPipeline: branch =>
                branch.Use(async (http, next) =>
                {
                    var sent = Encoding.UTF8.GetBytes(http.Request.Headers.Authorization.ToString());
                    if (CryptographicOperations.FixedTimeEquals(expected, sent)) { await next(http); return; }
                    await Results.Problem(statusCode: 401, title: "Unauthorized",
                        detail: "Send the metrics token as a bearer token.").ExecuteAsync(http);
                }), optionsName: null).AllowAnonymous();
        }
        return app;
    }
}
