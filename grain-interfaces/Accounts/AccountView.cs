using System.Collections.Immutable;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Flags;
using Orleans;

namespace EKyc.GrainInterfaces.Accounts;

/// <summary>What the API shows of an account: link, status, latest features, flags and their history.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.AccountView")]
public sealed record AccountView
{
    [Id(0)] public required string AccountId { get; init; }
    [Id(1)] public Guid? ApplicantId { get; init; }
    [Id(2)] public AccountStatus Status { get; init; }
    [Id(3)] public FeatureVector? LatestFeatures { get; init; }
    [Id(4)] public ImmutableArray<AccountFlag> Flags { get; init; } = [];
    [Id(5)] public long EventsSeen { get; init; }
    [Id(6)] public DateTimeOffset? LastEventAt { get; init; }
    [Id(7)] public long Version { get; init; }

    /// <summary>Recent anomaly scores, oldest first; empty until an anomaly model is trained.</summary>
    [Id(8)] public ImmutableArray<ScorePoint> ScoreTimeline { get; init; } = [];

    /// <summary>The anomaly model scoring this account now, or null when none is trained yet (rules only).</summary>
    [Id(9)] public string? ModelVersion { get; init; }
}
