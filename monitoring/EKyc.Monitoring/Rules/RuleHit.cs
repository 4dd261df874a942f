using Orleans;

namespace EKyc.Monitoring.Rules;

/// <summary>A rule that fired, with the value that made it fire: the explanation an analyst sees.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.RuleHit")]
public sealed record RuleHit(
    [property: Id(0)] string Code,
    [property: Id(1)] string Feature,
    [property: Id(2)] double Value,
    [property: Id(3)] double Threshold,
    [property: Id(4)] string Description);
