using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using EKyc.Api.Security;
using Orleans.Dashboard;

namespace EKyc.Silo.Observability;

/// <summary>
/// One place for what operators see: console logs (text or JSON), Prometheus metrics (Orleans runtime, ASP.NET Core
/// and the service's own meter) at <c>/metrics</c>, traces over OTLP when an endpoint is configured (Orleans grain
/// calls carry the trace context across silos), and the Orleans Dashboard.
/// </summary>
public static class ObservabilitySetup
{
    public static ObservabilityOptions AddEkycObservability(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.Configuration.GetSection("Observability").Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        options.Dashboard ??= builder.Environment.IsDevelopment();
        if (string.Equals(options.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.UseUtcTimestamp = true);
        }

        var otel = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService("ekyc"));
        if (options.Metrics)
        {
            otel.WithMetrics(m => m
                .AddMeter("Microsoft.Orleans")
                .AddMeter(EKyc.Grains.ServiceMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddPrometheusExporter());
        }
        var endpoint = options.OtlpEndpoint ?? Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT");
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            otel.WithTracing(t => t
                .AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application")
                .AddAspNetCoreInstrumentation()
                .AddOtlpExporter(o => o.Endpoint = new Uri(endpoint)));
        }
        return options;
    }

    public static ISiloBuilder AddEkycObservability(this ISiloBuilder silo, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        silo.AddActivityPropagation();
        if (options.Dashboard == true) silo.AddDashboard();
        return silo;
    }

    public static IClientBuilder AddEkycObservability(this IClientBuilder client, ObservabilityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        client.AddActivityPropagation();
        // An API process serves the Dashboard as an Orleans client; the silos collect what it shows.
        if (options.Dashboard == true) client.AddDashboard();
        return client;
    }

    /// <summary>
    /// /metrics on every process; the Dashboard only where the API's pipeline runs (embedded and API processes), behind
    /// its access control: a silo process has no sign-in, so it never serves the Dashboard.
    /// </summary>
    public static void MapEkycObservability(this WebApplication app, ObservabilityOptions options, bool hostsApi)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Metrics) app.MapPrometheusScrapingEndpoint("/metrics");
        if (options.Dashboard == true && hostsApi)
        {
            app.MapOrleansDashboard("/dashboard").RequireEndpointAccess(EndpointAccess.OrleansDashboard);
        }
    }
}
