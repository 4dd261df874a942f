using System.Collections.Immutable;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;

namespace EKyc.Grains.Ports;

/// <summary>Where the applicant grain projects its stage for case lists (no PII). Idempotent, ordered by version.</summary>
public interface IApplicantProjection
{
    Task UpsertAsync(ApplicantProjection projection, CancellationToken cancellationToken);
}

public sealed record ApplicantProjection(
    Guid ApplicantId,
    VerificationStage Stage,
    RiskTier RiskTier,
    ImmutableArray<string> ReasonCodes,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string? Tenant = null);
