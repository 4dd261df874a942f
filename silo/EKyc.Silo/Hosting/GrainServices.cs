using EKyc.Grains.Ports;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Rules;
using EKyc.ReadModels;
using EKyc.Silo.Adapters;
using EKyc.Verification.Policy;
using EKyc.Verification.Schedule;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Hosting;

/// <summary>What the grains need from the container: validated options, the clock, and the port adapters.</summary>
public static class GrainServices
{
    public static IServiceCollection AddEkycGrainServices(this IServiceCollection services, IConfiguration configuration, ReadModelDatabase readModels)
    {
        services.AddOptions<DecisionPolicyOptions>().Bind(configuration.GetSection("Verification:Policy")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ReverificationOptions>().Bind(configuration.GetSection("Verification:Reverification")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EKyc.Verification.Retention.RetentionOptions>().Bind(configuration.GetSection("Retention")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WindowOptions>().Bind(configuration.GetSection("Monitoring:Window")).ValidateDataAnnotations().ValidateOnStart();
        // On JetStream, a delivered message waits for the checkpoint that covers it; it must come well before AckWait.
        var ackWait = configuration.GetValue("Streaming:Nats:AckWait", TimeSpan.FromSeconds(30));
        services.AddOptions<EKyc.Grains.Accounts.CheckpointOptions>().Bind(configuration.GetSection("Monitoring:Checkpoint")).ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(configuration["Streaming:Nats:Url"]) || o.MaxDelay * 3 <= ackWait,
                "Monitoring:Checkpoint:MaxDelay must be at most a third of Streaming:Nats:AckWait")
            .ValidateOnStart();
        if (string.IsNullOrWhiteSpace(configuration["Streaming:Nats:Url"]))
        {
            services.AddSingleton<IActivityCheckpoints, UnacknowledgedStreamCheckpoints>();
        }
        else
        {
            services.AddSingleton<IActivityCheckpoints, JetStreamCheckpoints>();
            services.AddOptions<Ingress.ActivityIngressOptions>().Bind(configuration.GetSection("Streaming:Nats:Ingress")).ValidateDataAnnotations().ValidateOnStart();
            if (configuration.GetValue("Streaming:Nats:Ingress:Enabled", true)) services.AddHostedService<Ingress.JetStreamActivityIngress>();
        }
        services.AddOptions<RuleOptions>().Bind(configuration.GetSection("Monitoring"))
            .Validate(o => !o.Problems().Any(), "Monitoring:Rules refers to unknown features or repeats a code")
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<RuleOptions>, RuleDefinitionsValidator>();
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider))) services.AddSingleton(TimeProvider.System);
        if (!services.Any(d => d.ServiceType == typeof(EKyc.Grains.DomainClock))) services.AddSingleton(new EKyc.Grains.DomainClock());
        services.AddSingleton(readModels);
        services.AddSingleton<AccountFlagsWriter>();
        services.AddSingleton<IAccountProjection, DapperAccountProjection>();
        services.AddSingleton<ApplicantsTable>();
        services.AddSingleton<EKyc.ReadModels.Audit.AuditTrail>();
        services.AddSingleton<IAuditLog, ChainedAuditLog>();
        services.AddSingleton<EKyc.ReadModels.Webhooks.WebhookStore>();
        services.AddSingleton<IOutbox, WebhookOutbox>();
        services.AddOptions<Webhooks.WebhookOptions>().Bind(configuration.GetSection("Webhooks")).ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpClient(Webhooks.WebhookDispatcher.HttpClientName);
        services.AddHostedService<Webhooks.WebhookDispatcher>();
        services.AddOptions<Screening.ListFilesOptions>().Bind(configuration.GetSection("Screening"));
        services.AddSingleton<Screening.DomainClockAdapter>();
        services.AddSingleton<Screening.SanctionsScreeningCheck>();
        services.AddSingleton<IBackgroundChecks>(sp => sp.GetRequiredService<Screening.SanctionsScreeningCheck>());
        services.AddHostedService<Screening.ScreeningListWatcher>();
        services.AddSingleton<IApplicantProjection, DapperApplicantProjection>();
        services.AddSingleton<EKyc.ReadModels.Evidence.EvidenceTable>();
        services.AddSingleton<EKyc.ReadModels.Evidence.EvidenceVault>();
        services.AddSingleton<IEvidenceStore, EncryptedEvidenceStore>();
        services.AddOptions<Biometrics.ModelsOptions>().Bind(configuration.GetSection("Models"));
        services.AddSingleton<Biometrics.FaceEngine>();
        services.AddOptions<Documents.DocumentsOptions>().Bind(configuration.GetSection("Documents")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IDocumentChecks, Documents.DocumentCheckService>();
        services.AddOptions<EKyc.Grains.Liveness.LivenessOptions>().Bind(configuration.GetSection("Biometrics")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Biometrics.FaceCheckOptions>().Bind(configuration.GetSection("Biometrics")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<Biometrics.IFaceTemplateIndex, Biometrics.FaceTemplateIndex>();
        services.AddSingleton<IFaceChecks, Biometrics.FaceCheckService>();
        services.AddOptions<EKyc.Monitoring.Scoring.RiskThresholds>().Bind(configuration.GetSection("Monitoring:Risk")).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<Monitoring.AnomalyTrainingOptions>().Bind(configuration.GetSection("Monitoring:Model")).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<EKyc.ReadModels.Monitoring.AnomalyModelStore>();
        services.AddSingleton<Monitoring.AnomalyScorerService>();
        services.AddSingleton<IAnomalyScorer>(sp => sp.GetRequiredService<Monitoring.AnomalyScorerService>());
        services.AddHostedService(sp => sp.GetRequiredService<Monitoring.AnomalyScorerService>());
        return services;
    }

    /// <summary>Validates each configured rule's own attributes (code pattern, description).</summary>
    private sealed class RuleDefinitionsValidator : IValidateOptions<RuleOptions>
    {
        public ValidateOptionsResult Validate(string? name, RuleOptions options)
        {
            var failures = new List<string>();
            foreach (var rule in options.Rules)
            {
                var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
                if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(rule, new(rule), results, validateAllProperties: true))
                    failures.AddRange(results.Select(r => $"rule '{rule.Code}': {r.ErrorMessage}"));
            }
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
