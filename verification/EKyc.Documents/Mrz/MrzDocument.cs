using System.Collections.Immutable;

namespace EKyc.Documents.Mrz;

/// <summary>
/// A parsed MRZ: the (repaired) lines, every field as printed, the names split, the dates resolved to a century, and
/// the findings. <see cref="ChecksValid"/> is true only when every check digit of the format verified.
/// </summary>
public sealed record MrzDocument
{
    public required MrzFormat Format { get; init; }
    public required ImmutableArray<string> Lines { get; init; }
    public required ImmutableDictionary<string, string> Fields { get; init; }
    public required string Surname { get; init; }
    public required string GivenNames { get; init; }
    public required string DocumentNumber { get; init; }
    public required string DocumentCode { get; init; }
    public required string IssuingState { get; init; }
    public string? Nationality { get; init; }
    public DateOnly? BirthDate { get; init; }
    public DateOnly? ExpiryDate { get; init; }

    /// <summary>M, F, X (unspecified) — the MRZ's '&lt;' is reported as X.</summary>
    public required string Sex { get; init; }
    public required ImmutableDictionary<string, bool> CheckDigits { get; init; }
    public required ImmutableArray<MrzIssue> Issues { get; init; }

    public bool ChecksValid => CheckDigits.Count > 0 && CheckDigits.Values.All(v => v);

    public bool HasErrors => Issues.Any(i => i.Severity == MrzSeverity.Error);

    public string Field(string name) => Fields.TryGetValue(name, out var v) ? v : "";
}
