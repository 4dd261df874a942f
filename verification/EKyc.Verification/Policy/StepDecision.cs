using System.Collections.Immutable;
using EKyc.Verification.Checks;
using Orleans;

namespace EKyc.Verification.Policy;

/// <summary>The policy's verdict on a step, the reasons behind it and the policy version that produced it.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.StepDecision")]
public sealed record StepDecision(
    [property: Id(0)] VerificationStep Step,
    [property: Id(1)] StepVerdict Verdict,
    [property: Id(2)] ImmutableArray<ReasonCode> Reasons,
    [property: Id(3)] string PolicyVersion)
{
    /// <summary>The instructions the applicant can act on, in the order the reasons were found, without repeats.</summary>
    public ImmutableArray<string> Guidance =>
        [.. Reasons.Select(r => r.ApplicantGuidance).OfType<string>().Distinct(StringComparer.Ordinal)];
}
