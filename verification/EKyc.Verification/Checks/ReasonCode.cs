using Orleans;

namespace EKyc.Verification.Checks;

/// <summary>
/// A stable, machine-readable reason (snake_case <see cref="Code"/>), what it means for the decision, and a short
/// instruction the applicant can act on (null when there is nothing the applicant can do).
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.ReasonCode")]
public sealed record ReasonCode(
    [property: Id(0)] string Code,
    [property: Id(1)] ReasonCategory Category,
    [property: Id(2)] string? ApplicantGuidance = null);
