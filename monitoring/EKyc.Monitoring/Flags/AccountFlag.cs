using System.Collections.Immutable;
using EKyc.Monitoring.Rules;
using Orleans;

namespace EKyc.Monitoring.Flags;

/// <summary>A flag raised on an account, the rules that raised it, and what analysts did with it.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.AccountFlag")]
public sealed record AccountFlag
{
    [Id(0)] public required string FlagId { get; init; }
    [Id(1)] public required DateTimeOffset RaisedAt { get; init; }
    [Id(2)] public required string TriggeringEventId { get; init; }
    [Id(3)] public ImmutableArray<RuleHit> Hits { get; init; } = [];
    [Id(4)] public FlagStatus Status { get; init; } = FlagStatus.Open;
    [Id(5)] public ImmutableArray<FlagAction> Actions { get; init; } = [];

    public bool IsActive => Status is FlagStatus.Open or FlagStatus.Acknowledged or FlagStatus.Escalated;
}

/// <summary>One analyst action on a flag: who, when, what, and their note.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.FlagAction")]
public sealed record FlagAction(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string Actor,
    [property: Id(2)] FlagStatus NewStatus,
    [property: Id(3)] string? Note);
