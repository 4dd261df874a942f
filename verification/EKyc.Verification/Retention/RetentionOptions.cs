using System.ComponentModel.DataAnnotations;

namespace EKyc.Verification.Retention;

/// <summary>
/// How long personal data is kept after the relationship ends; section <c>Retention</c>. Defaults follow the common
/// AML rule (records kept five years after the relationship ends) and erase quickly when no relationship began.
/// Jurisdictions override per country (ISO 3166 alpha-2 or ICAO code of the applicant's jurisdiction).
/// </summary>
public sealed class RetentionOptions
{
    /// <summary>Kept after a relationship (approved customer) ends, or after a rejection (AML records).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan AmlRecords { get; set; } = TimeSpan.FromDays(1826);

    /// <summary>Kept when consent is withdrawn before any decision: nothing obliges longer retention.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan WithdrawnBeforeDecision { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Biometric templates are deleted after the decision unless the applicant opted in to keep them.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "36500.00:00:00")]
    public TimeSpan BiometricTemplates { get; set; } = TimeSpan.Zero;

    public Dictionary<string, JurisdictionRetention> Jurisdictions { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class JurisdictionRetention
{
    public TimeSpan? AmlRecords { get; set; }
    public TimeSpan? WithdrawnBeforeDecision { get; set; }
}
