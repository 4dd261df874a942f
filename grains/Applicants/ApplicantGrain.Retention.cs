using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.Verification.Retention;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Logging;
using Orleans;

namespace EKyc.Grains.Applicants;

/// <summary>Retention and erasure: the retention clock starts when the relationship ends; erasure clears personal data.</summary>
public sealed partial class ApplicantGrain
{
    public async Task<CommandResult<ApplicantView>> RequestErasureAsync(Actor actor)
    {
        if (!S.Exists || Hidden(actor)) return NotFound();
        if (S.ErasedAt is not null) return Ok();
        var now = clock.GetUtcNow();
        var active = S.RelationshipEndedAt is null;
        if (RetentionPolicy.ErasureBlocker(S.LegalHold is not null, active, S.ErasureDueAt, S.RetentionReason, now) is { } blocker)
        {
            var message = blocker switch
            {
                "legal_hold" => "A legal hold is in place; the data cannot be erased until it is lifted.",
                "relationship_active" => "The applicant's verification is still active; withdraw consent first.",
                _ => $"Anti-money-laundering rules require these records until {S.ErasureDueAt:yyyy-MM-dd}; erasure is scheduled for then.",
            };
            await AuditAsync(actor, "applicant.erasure_refused", $"code={blocker}");
            return Refuse(ErrorKind.Conflict, blocker, message);
        }
        await EraseAsync(actor, now);
        return Ok();
    }

    public async Task<CommandResult<ApplicantView>> SetLegalHoldAsync(string? reason, Actor actor)
    {
        if (!S.Exists || Hidden(actor)) return NotFound();
        if (reason is { Length: > 500 }) return Refuse(ErrorKind.Validation, "reason_too_long", "A legal-hold reason is at most 500 characters.");
        S.LegalHold = string.IsNullOrWhiteSpace(reason) ? null : reason;
        await this.WriteOrResetAsync(state);
        await AuditAsync(actor, S.LegalHold is null ? "applicant.legal_hold_lifted" : "applicant.legal_hold_placed", "");
        return Ok();
    }

    /// <summary>Starts the retention clock when a transition ends the relationship.</summary>
    private void StartRetentionClock(Transition t, DateTimeOffset now)
    {
        if (t.To is not (VerificationStage.Withdrawn or VerificationStage.Rejected) || S.RelationshipEndedAt is not null) return;
        var decided = S.History.Exists(h => h.To is VerificationStage.Approved or VerificationStage.Rejected) || t.To == VerificationStage.Rejected;
        S.RelationshipEndedAt = now;
        (S.ErasureDueAt, S.RetentionReason) = RetentionPolicy.ErasureDue(now, decided, jurisdiction: null, retentionOptions.Value);
    }

    /// <summary>Called by the schedule reminder: erase when due, unless held.</summary>
    private async Task<bool> RunRetentionAsync(DateTimeOffset now)
    {
        if (S.ErasedAt is not null || S.ErasureDueAt is not { } due) return false;
        if (due > now || S.LegalHold is not null) return true; // keep checking
        await EraseAsync(Actor.Scheduler, now);
        return false;
    }

    private async Task EraseAsync(Actor actor, DateTimeOffset now)
    {
        // Personal data goes; the history, consent records and reason codes hold none and stay as the record.
        S.GivenNames = "";
        S.Surname = "";
        S.Email = "";
        S.Phone = "";
        S.BirthDate = null;
        S.RoundResults.Clear();
        // Images and templates go first: if the store fails, the grain is not marked erased and the reminder retries.
        var deleted = await evidence.DeleteAllAsync(this.GetPrimaryKey(), CancellationToken.None);
        S.Evidence.Clear();
        S.ErasedAt = now;
        await this.WriteOrResetAsync(state);
        await AuditAsync(actor, "applicant.erased", $"retention={S.RetentionReason} evidence_deleted={deleted}");
        LogErased(logger, this.GetPrimaryKey());
    }

    [LoggerMessage(EventId = 1004, Level = LogLevel.Information, Message = "Applicant {ApplicantId} personal data erased")]
    private static partial void LogErased(ILogger logger, Guid applicantId);
}
