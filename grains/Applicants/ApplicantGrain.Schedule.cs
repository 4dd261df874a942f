using EKyc.Verification.Checks;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Runtime;

namespace EKyc.Grains.Applicants;

/// <summary>The re-verification schedule: a coarse reminder compares stored due dates with the business clock.</summary>
public sealed partial class ApplicantGrain
{
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != ScheduleReminder) return;
        var now = clock.GetUtcNow();
        var retentionPending = await RunRetentionAsync(now);
        if (S.Stage != VerificationStage.Approved || S.Plan is null)
        {
            if (!retentionPending) await StopScheduleAsync();
            return;
        }
        if (ReverificationSchedule.DueAt(S.Plan, now) is not { } due) return;
        LogScheduleDue(logger, this.GetPrimaryKey(), due.Source);
        await RequireReverificationAsync(due.Source, due.Reason, Actor.Scheduler);
    }

    private ReverificationPlan PlanSchedule(DateTimeOffset approvedAt)
    {
        DateOnly? expiry = S.RoundResults
            .Select(r => r.Facts.TryGetValue(CheckFacts.DocumentExpiry, out var v) && DateOnly.TryParse(v, out var d) ? d : (DateOnly?)null)
            .LastOrDefault(d => d is not null);
        return ReverificationSchedule.Plan(approvedAt, S.RiskTier, expiry, scheduleOptions.Value);
    }

    private async Task StartScheduleAsync(DateTimeOffset now, DateTimeOffset nextDue)
    {
        var interval = scheduleOptions.Value.CheckInterval;
        var untilDue = nextDue - now;
        var firstTick = untilDue < interval ? (untilDue > TimeSpan.Zero ? untilDue : TimeSpan.FromSeconds(1)) : interval;
        await this.RegisterOrUpdateReminder(ScheduleReminder, firstTick, interval);
    }

    private async Task StopScheduleAsync()
    {
        if (await this.GetReminder(ScheduleReminder) is { } reminder) await this.UnregisterReminder(reminder);
    }

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Applicant {ApplicantId} re-verification due: {Source}")]
    private static partial void LogScheduleDue(ILogger logger, Guid applicantId, ReverificationSource source);
}
