using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Checks;
using EKyc.Verification.Policy;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.Grains.Applicants;

/// <summary>Durable state of one applicant. Versioned contract: add fields with new ids, never reuse an id.</summary>
[GenerateSerializer, Alias("ekyc.ApplicantState")]
public sealed class ApplicantState
{
    [Id(0)] public bool Exists { get; set; }
    [Id(1)] public string GivenNames { get; set; } = "";
    [Id(2)] public string Surname { get; set; } = "";
    [Id(3)] public string Email { get; set; } = "";
    [Id(4)] public string Phone { get; set; } = "";
    [Id(5)] public RiskTier RiskTier { get; set; }
    [Id(6)] public VerificationStage Stage { get; set; }
    [Id(7)] public string? ConsentVersion { get; set; }
    [Id(8)] public DateTimeOffset CreatedAt { get; set; }
    [Id(9)] public List<HistoryEntry> History { get; set; } = [];
    [Id(10)] public List<string> LinkedAccounts { get; set; } = [];

    /// <summary>Attempts made at the current capture step (reset when the step changes).</summary>
    [Id(11)] public int Attempt { get; set; }

    /// <summary>Check results of the current verification round, kept to explain the decision.</summary>
    [Id(12)] public List<CheckResult> RoundResults { get; set; } = [];
    [Id(13)] public StepDecision? LastDecision { get; set; }
    [Id(14)] public ReverificationPlan? Plan { get; set; }
    [Id(15)] public ReverificationSource? DueReason { get; set; }

    /// <summary>Answers to recent idempotency keys, so a retried submission gets the first answer back.</summary>
    [Id(16)] public List<ReplayEntry> Replays { get; set; } = [];

    /// <summary>Every consent given or withdrawn, in order: the evidence of what the applicant agreed to.</summary>
    [Id(17)] public List<ConsentRecord> Consents { get; set; } = [];

    /// <summary>Events for the client platform not yet confirmed by the outbox.</summary>
    [Id(18)] public List<PendingEvent> Outbox { get; set; } = [];

    /// <summary>When the relationship ended (withdrawal or rejection); starts the retention clock.</summary>
    [Id(19)] public DateTimeOffset? RelationshipEndedAt { get; set; }
    [Id(20)] public DateTimeOffset? ErasureDueAt { get; set; }
    [Id(21)] public EKyc.Verification.Retention.RetentionReason RetentionReason { get; set; }
    [Id(22)] public string? LegalHold { get; set; }
    [Id(23)] public DateTimeOffset? ErasedAt { get; set; }

    /// <summary>Encrypted evidence held in the evidence store for this applicant (ids only).</summary>
    [Id(24)] public List<EvidenceRef> Evidence { get; set; } = [];

    /// <summary>The client platform (tenant) the applicant belongs to; only its callers can reach the applicant.</summary>
    [Id(25)] public string? TenantId { get; set; }

    /// <summary>Date of birth as the platform registered it (optional); compared with the document's.</summary>
    [Id(26)] public DateOnly? BirthDate { get; set; }
}

[GenerateSerializer, Immutable, Alias("ekyc.ReplayEntry")]
public sealed record ReplayEntry([property: Id(0)] string Key, [property: Id(1)] VerificationStage StageAfter, [property: Id(2)] string? ErrorCode);
