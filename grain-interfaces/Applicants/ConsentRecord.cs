using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>One consent event: given (to which text version, through which channel) or withdrawn, and when.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.ConsentRecord")]
public sealed record ConsentRecord(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string TextVersion,
    [property: Id(2)] string Channel,
    [property: Id(3)] bool Given);
