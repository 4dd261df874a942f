using System.Collections.Immutable;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>What the API shows of an applicant: stage, what is pending, guidance, schedule and history.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.ApplicantView")]
public sealed record ApplicantView
{
    [Id(0)] public required Guid ApplicantId { get; init; }
    [Id(1)] public required VerificationStage Stage { get; init; }
    [Id(2)] public required string GivenNames { get; init; }
    [Id(3)] public required string Surname { get; init; }
    [Id(4)] public required string Email { get; init; }
    [Id(5)] public required string Phone { get; init; }
    [Id(6)] public RiskTier RiskTier { get; init; }
    [Id(7)] public string? ConsentVersion { get; init; }
    [Id(8)] public ImmutableArray<string> PendingSteps { get; init; } = [];
    [Id(9)] public ImmutableArray<string> Guidance { get; init; } = [];
    [Id(10)] public ImmutableArray<string> ReasonCodes { get; init; } = [];
    [Id(11)] public ImmutableArray<HistoryEntry> History { get; init; } = [];
    [Id(12)] public ImmutableArray<string> LinkedAccounts { get; init; } = [];
    [Id(13)] public DateTimeOffset? NextReverificationAt { get; init; }
    [Id(14)] public ReverificationSource? ReverificationReason { get; init; }
    [Id(15)] public DateTimeOffset CreatedAt { get; init; }
    [Id(16)] public int Attempt { get; init; }
    [Id(17)] public ImmutableArray<ConsentRecord> Consents { get; init; } = [];
    [Id(18)] public DateTimeOffset? ErasureDueAt { get; init; }
    [Id(19)] public bool LegalHold { get; init; }
    [Id(20)] public DateTimeOffset? ErasedAt { get; init; }

    /// <summary>The client platform the applicant belongs to.</summary>
    [Id(21)] public string? TenantId { get; init; }

    /// <summary>Date of birth as registered (optional).</summary>
    [Id(22)] public DateOnly? BirthDate { get; init; }
}
