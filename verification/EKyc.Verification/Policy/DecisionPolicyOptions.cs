using System.ComponentModel.DataAnnotations;

namespace EKyc.Verification.Policy;

/// <summary>Settings of the decision policy; bound from configuration section <c>Verification:Policy</c>.</summary>
public sealed class DecisionPolicyOptions
{
    /// <summary>Recorded with every decision so it can be explained later; bump it whenever the rules change.</summary>
    [Required, MinLength(1)]
    public string Version { get; set; } = "2026-11.1";

    /// <summary>How many attempts an applicant gets at a step whose failures are retryable.</summary>
    [Range(1, 20)]
    public int MaxAttemptsPerStep { get; set; } = 3;

    /// <summary>Checks that must have run for a step to advance, by step name (e.g. <c>Document: ["mrz"]</c>).</summary>
    public Dictionary<string, string[]> RequiredChecks { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
