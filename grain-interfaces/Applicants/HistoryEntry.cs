using System.Collections.Immutable;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>One transition in an applicant's history: when, from what to what, why, and who caused it.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] VerificationStage From,
    [property: Id(2)] VerificationStage To,
    [property: Id(3)] string Trigger,
    [property: Id(4)] string Reason,
    [property: Id(5)] Actor Actor)
{
    [Id(6)] public ImmutableArray<string> ReasonCodes { get; init; } = [];
    [Id(7)] public string? PolicyVersion { get; init; }
}
