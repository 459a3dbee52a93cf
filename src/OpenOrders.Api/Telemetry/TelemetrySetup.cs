using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace OpenOrders.Api.Telemetry;

public static class TelemetrySetup
{
    /// <summary>
    /// OpenTelemetry metrics: our own meter, ASP.NET Core, the HTTP client (webhook calls), the runtime and Npgsql;
    /// scraped by Prometheus at /metrics, and exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set.
    /// </summary>
    public static IServiceCollection AddOrdersTelemetry(this IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<OrdersMetrics>();
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("openorders"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(OrdersMetrics.MeterName, "Npgsql")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddPrometheusExporter();
                if (!string.IsNullOrWhiteSpace(config["OTEL_EXPORTER_OTLP_ENDPOINT"])) metrics.AddOtlpExporter();
            });
        return services;
    }
}
