using System.Collections.Immutable;
using Orleans;

namespace EKyc.Verification.Checks;

/// <summary>
/// The result of one check, with where it came from (check name and version, model version) so a decision can be
/// explained years later. <see cref="Facts"/> carries extracted values later steps need (e.g. the document's expiry
/// date for the re-verification schedule), keyed by <see cref="CheckFacts"/> names.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.CheckResult")]
public sealed record CheckResult
{
    [Id(0)] public required string CheckName { get; init; }
    [Id(1)] public required string CheckVersion { get; init; }
    [Id(2)] public required VerificationStep Step { get; init; }
    [Id(3)] public required CheckOutcome Outcome { get; init; }
    [Id(4)] public ImmutableArray<ReasonCode> Reasons { get; init; } = [];
    [Id(5)] public string? ModelVersion { get; init; }
    [Id(6)] public double? Score { get; init; }
    [Id(7)] public ImmutableDictionary<string, string> Facts { get; init; } = ImmutableDictionary<string, string>.Empty;
    [Id(8)] public DateTimeOffset CompletedAt { get; init; }

    public static CheckResult Passed(string name, string version, VerificationStep step, DateTimeOffset at) =>
        new() { CheckName = name, CheckVersion = version, Step = step, Outcome = CheckOutcome.Pass, CompletedAt = at };

    public static CheckResult Failed(string name, string version, VerificationStep step, DateTimeOffset at, params ReasonCode[] reasons) =>
        new() { CheckName = name, CheckVersion = version, Step = step, Outcome = CheckOutcome.Fail, Reasons = [.. reasons], CompletedAt = at };

    public static CheckResult Undecided(string name, string version, VerificationStep step, DateTimeOffset at, params ReasonCode[] reasons) =>
        new() { CheckName = name, CheckVersion = version, Step = step, Outcome = CheckOutcome.Inconclusive, Reasons = [.. reasons], CompletedAt = at };
}
