using EKyc.GrainInterfaces.Applicants;
using EKyc.ReadModels;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Screening;

/// <summary>
/// Watches the sanctions/PEP list files; when one changes, rebuilds the index and re-screens every approved
/// applicant (a hit makes re-verification due). Every silo watches: a second silo re-screening the same applicant
/// finds it no longer approved, so the work is repeated at most once, never the effect.
/// </summary>
internal sealed partial class ScreeningListWatcher(
    SanctionsScreeningCheck screening,
    ApplicantsTable applicants,
    IGrainFactory grains,
    IOptions<ListFilesOptions> options,
    TimeProvider time,
    ILogger<ScreeningListWatcher> logger) : BackgroundService
{
    private static readonly Actor Watcher = new(ActorKind.System, "screening-list-watcher");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        screening.ReloadIfChanged(); // the first build is the baseline, not a change
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.CheckInterval, time, stoppingToken);
                if (screening.ReloadIfChanged()) await RescreenApprovedAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (Exception e)
            {
                LogFailed(logger, e.GetType().Name);
            }
        }
    }

    private async Task RescreenApprovedAsync(CancellationToken ct)
    {
        int screened = 0, due = 0;
        // Page by page over the approved case list; applicants leaving "Approved" shift later pages, so re-read
        // page 1 until a pass finds nobody left to move, bounded by the count at the start.
        var ids = new List<Guid>();
        for (var page = 1; ; page++)
        {
            var result = await applicants.ListAsync(VerificationStage.Approved.ToString(), tenant: null, page, ApplicantsTable.MaxPageSize, ct);
            ids.AddRange(result.Items.Select(r => Guid.Parse(r.ApplicantId)));
            if (result.Items.Count < ApplicantsTable.MaxPageSize) break;
        }
        foreach (var id in ids)
        {
            var outcome = await grains.GetGrain<IApplicantGrain>(id).RescreenAsync(Watcher);
            screened++;
            if (outcome.Value is { Stage: VerificationStage.ReverificationDue }) due++;
        }
        LogRescreened(logger, screened, due);
    }

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "Screening lists changed: {Screened} approved applicant(s) re-screened, {Due} now due for re-verification")]
    private static partial void LogRescreened(ILogger logger, int screened, int due);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Warning, Message = "Screening list check failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
