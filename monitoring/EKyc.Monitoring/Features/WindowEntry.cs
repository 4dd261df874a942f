using Orleans;

namespace EKyc.Monitoring.Features;

/// <summary>The part of an event the rolling features need; kept instead of the whole event to bound state size.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.WindowEntry")]
public sealed record WindowEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] Activity.ActivityType Type,
    [property: Id(2)] decimal Amount,
    [property: Id(3)] bool Failed);
