using System.Collections.Immutable;
using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Workflow;

namespace EKyc.Grains.Applicants;

internal static class ApplicantViews
{
    public static ApplicantView From(Guid id, ApplicantState s)
    {
        // Guidance is shown while the applicant can act on it: a retry, or after a rejection the applicant can remedy
        // (an expired document: come back with a valid one). Otherwise the reason codes explain.
        var guidance = s.LastDecision is { } d && (s.Stage is VerificationStage.AwaitingDocuments or VerificationStage.AwaitingSelfie
                || s.Stage == VerificationStage.Rejected && d.Reasons.Any(r => r.Category == EKyc.Verification.Checks.ReasonCategory.Ineligible && r.ApplicantGuidance is not null))
            ? d.Guidance
            : [];
        return new ApplicantView
        {
            ApplicantId = id,
            TenantId = s.TenantId,
            BirthDate = s.BirthDate,
            Stage = s.Stage,
            GivenNames = s.GivenNames,
            Surname = s.Surname,
            Email = s.Email,
            Phone = s.Phone,
            RiskTier = s.RiskTier,
            ConsentVersion = s.ConsentVersion,
            PendingSteps = [.. NextSteps.For(s.Stage)],
            Guidance = guidance,
            ReasonCodes = s.LastDecision is { } last ? [.. last.Reasons.Select(r => r.Code)] : [],
            History = [.. s.History],
            LinkedAccounts = [.. s.LinkedAccounts],
            NextReverificationAt = s.Stage == VerificationStage.Approved ? s.Plan?.NextDue : null,
            ReverificationReason = s.Stage == VerificationStage.ReverificationDue ? s.DueReason : null,
            CreatedAt = s.CreatedAt,
            Attempt = s.Attempt,
            Consents = [.. s.Consents],
            ErasureDueAt = s.ErasedAt is null ? s.ErasureDueAt : null,
            LegalHold = s.LegalHold is not null,
            ErasedAt = s.ErasedAt,
        };
    }
}
