using System.Collections.Immutable;
using Orleans;

namespace EKyc.GrainInterfaces.Common;

/// <summary>A refusal: stable snake_case code, human message, and per-field details for validation errors.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.CommandError")]
public sealed record CommandError(
    [property: Id(0)] ErrorKind Kind,
    [property: Id(1)] string Code,
    [property: Id(2)] string Message)
{
    [Id(3)] public ImmutableDictionary<string, string> Fields { get; init; } = ImmutableDictionary<string, string>.Empty;
}
