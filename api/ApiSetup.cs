using System.Text.Json.Serialization;
using EKyc.Api.Endpoints;
using EKyc.Api.Health;
using EKyc.Api.Http;
using EKyc.Api.Security;
using EKyc.ReadModels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace EKyc.Api;

/// <summary>Registers and maps the HTTP API; the silo host calls these in embedded and API modes.</summary>
public static class ApiSetup
{
    public static IServiceCollection AddEkycApi(this IServiceCollection services, IConfiguration configuration, ReadModelDatabase readModels)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection("Api")).ValidateDataAnnotations().ValidateOnStart();
        services.AddEkycAuth(configuration);
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection("Dashboards"));
        services.AddSingleton(readModels);
        services.AddSingleton<AccountFlagsQueries>();
        services.AddSingleton<ApplicantsTable>();
        services.AddSingleton<EKyc.ReadModels.Evidence.EvidenceTable>();
        services.AddSingleton<EKyc.ReadModels.Evidence.EvidenceVault>();
        services.AddSingleton<EKyc.ReadModels.Audit.AuditTrail>();
        services.AddSingleton<EKyc.ReadModels.Webhooks.WebhookStore>();
        services.TryAddTimeProvider();
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        });
        // Binding failures must reach the exception handler so they become ProblemDetails with stable codes.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        services.AddEkycRateLimits();
        services.AddExceptionHandler<ExceptionToProblem>();
        services.AddOpenApi("v1");
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<ClusterHealthCheck>("cluster", tags: ["ready"]);
        return services;
    }

    public static WebApplication MapEkycApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseRequestBodyLimit();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseRateLimiter();
        app.UseEkycAccessControl();
        app.UseStatusCodePages(async ctx =>
        {
            // Unmatched routes and methods get a ProblemDetails too, never an empty body.
            var status = ctx.HttpContext.Response.StatusCode;
            var problem = Problems.Create(status, status == 404 ? ErrorCodes.NotFound : $"http_{status}",
                status == 404 ? "No endpoint at this path." : "The request was not accepted by this endpoint.");
            await ctx.HttpContext.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
        });
        app.UseDashboards();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready") });

        var v1 = app.MapGroup("/v1");
        v1.MapApplicants();
        v1.MapEvidence();
        v1.MapBiometrics();
        v1.MapActivity();
        v1.MapAccounts();
        v1.MapAudit();
        v1.MapWebhooks();
        return app;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
    }
}
