using System.Collections.Immutable;
using Orleans;

namespace EKyc.GrainInterfaces.Accounts;

/// <summary>What happened to a batch of events for one account.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.IngestResult")]
public sealed record IngestResult(
    [property: Id(0)] int Accepted,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] ImmutableArray<string> NewFlagIds);
