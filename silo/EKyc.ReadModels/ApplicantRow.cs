namespace EKyc.ReadModels;

/// <summary>One applicant in the case list. Deliberately without names or contact data.</summary>
public sealed record ApplicantRow
{
    public required string ApplicantId { get; init; }
    public required string Stage { get; init; }
    public required string RiskTier { get; init; }
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>The client platform the applicant belongs to (null: none recorded).</summary>
    public string? Tenant { get; init; }
}
