namespace EKyc.ReadModels;

/// <summary>One account in the analyst read model, as written by the projection and read by the queries.</summary>
public sealed record FlaggedAccountRow
{
    public required string AccountId { get; init; }
    public string? ApplicantId { get; init; }
    public required string Status { get; init; }
    public string? FlagId { get; init; }
    public string? FlagStatus { get; init; }
    public IReadOnlyList<string> ReasonCodes { get; init; } = [];
    public double RiskScore { get; init; }
    public DateTimeOffset? FlaggedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>The client platform the account belongs to (null: none recorded).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Tenant { get; init; }
}
