using EKyc.Grains.Ports;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.Grains.Applicants;

/// <summary>What a committed change leaves behind: the case-list projection, the audit entry and the event for the platform.</summary>
public sealed partial class ApplicantGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken) => await S.Outbox.FlushAsync(outbox);

    /// <summary>The event the client platform hears about for a transition, if any (ids and codes only).</summary>
    private PendingEvent? ClientEvent(Transition t, DateTimeOffset at)
    {
        var id = this.GetPrimaryKey().ToString();
        var codes = t.Reasons.Select(r => r.Code).ToArray();
        return t.To switch
        {
            VerificationStage.Approved or VerificationStage.Rejected =>
                PendingEvents.Create("applicant.decided", id, at, new { decision = t.To.ToString(), reasonCodes = codes }),
            VerificationStage.ReverificationDue =>
                PendingEvents.Create("applicant.reverification_required", id, at, new { source = S.DueReason?.ToString(), reason = t.Reason }),
            _ => null,
        };
    }

    private Task AuditAsync(Actor actor, string action, string details) =>
        audit.AppendAsync(actor.Kind.ToString(), actor.Id, action, "applicant", this.GetPrimaryKey().ToString(), details, CancellationToken.None);

    // The history only grows, so its length orders the projection's versions.
    private Task ProjectAsync() => projection.UpsertAsync(new ApplicantProjection(
        this.GetPrimaryKey(), S.Stage, S.RiskTier,
        S.LastDecision is { } d ? [.. d.Reasons.Select(r => r.Code)] : [],
        S.CreatedAt, clock.GetUtcNow(), S.History.Count, S.TenantId), CancellationToken.None);
}
