using Orleans;

namespace EKyc.Verification.Schedule;

/// <summary>When re-verification falls due for an approved applicant, and for which reasons.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.ReverificationPlan")]
public sealed record ReverificationPlan(
    [property: Id(0)] DateTimeOffset PeriodicDue,
    [property: Id(1)] DateTimeOffset? DocumentExpiryDue)
{
    public DateTimeOffset NextDue =>
        DocumentExpiryDue is { } expiry && expiry < PeriodicDue ? expiry : PeriodicDue;
}
