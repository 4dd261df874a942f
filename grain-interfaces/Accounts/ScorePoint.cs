using Orleans;

namespace EKyc.GrainInterfaces.Accounts;

/// <summary>One anomaly score: when, the score, the model that gave it, and the features behind it.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.ScorePoint")]
public sealed record ScorePoint(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] double Score,
    [property: Id(2)] string ModelVersion,
    [property: Id(3)] string TopFeatures,
    [property: Id(4)] string EventId);
