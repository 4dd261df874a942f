using EKyc.Silo.Observability;
using EKyc.Api;
using EKyc.Security;

namespace EKyc.Silo.Hosting;

/// <summary>
/// Builds the application for the configured mode. Program and the benchmark both use it, so what is measured is
/// what runs.
/// </summary>
public static class EkycApplication
{
    public static async Task<WebApplication> BuildAsync(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var hosting = builder.Configuration.GetSection("EKyc").Get<HostingOptions>() ?? new HostingOptions();
        builder.Services.AddOptions<HostingOptions>().Bind(builder.Configuration.GetSection("EKyc")).ValidateDataAnnotations().ValidateOnStart();
        HostStartup.ValidateOrExit(hosting);

        var database = DatabaseSettings.From(hosting);
        AuthBootstrap.Apply(builder, hosting);
        if (!builder.Configuration.GetValue("Auth:Enabled", true) && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException("Auth:Enabled=false is only allowed in the Development environment.");
        }
        var keys = (builder.Configuration.GetSection("Security:Keys").Get<KeyOptions>() ?? new KeyOptions()).CreateProvider(hosting);
        // One key provider and cipher for the whole process: grain state, webhook secrets, and whatever else is sealed.
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(new EnvelopeCipher(keys));
        if (hosting.MigrateOnStart) await database.MigrateAsync(CancellationToken.None);

        var observability = builder.AddEkycObservability();
        if (hosting.Mode == HostMode.Api)
        {
            builder.UseOrleansClient(client => client.AddEkycClustering(hosting, database).AddEkycStreams(builder.Configuration).AddEkycObservability(observability));
        }
        else
        {
            builder.UseOrleans(silo =>
            {
                silo.AddEkycClustering(hosting, database);
                silo.AddEkycStorage(database, keys);
                silo.AddEkycStreams(builder.Configuration);
                silo.AddEkycObservability(observability);
                silo.Configure<Orleans.Hosting.ReminderOptions>(o =>
                {
                    if (hosting.ReminderMinimumPeriod is { } min) o.MinimumReminderPeriod = min;
                    if (hosting.ReminderRefreshPeriod is { } refresh) o.RefreshReminderListPeriod = refresh;
                });
                silo.Services.AddEkycGrainServices(builder.Configuration, database.ReadModels());
            });
        }

        if (hosting.Mode == HostMode.Silo) builder.Services.AddHealthChecks();
        else builder.Services.AddEkycApi(builder.Configuration, database.ReadModels());

        var app = builder.Build();
        app.MapEkycObservability(observability, hostsApi: hosting.Mode != HostMode.Silo);
        if (hosting.Mode == HostMode.Silo)
        {
            app.MapHealthChecks("/health/live");
            app.MapHealthChecks("/health/ready");
        }
        else
        {
            app.MapEkycApi();
        }
        return app;
    }
}
