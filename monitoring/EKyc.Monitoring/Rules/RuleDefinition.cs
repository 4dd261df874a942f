using System.ComponentModel.DataAnnotations;

namespace EKyc.Monitoring.Rules;

/// <summary>A configurable rule: flag when <see cref="Feature"/> reaches <see cref="Threshold"/>.</summary>
public sealed class RuleDefinition
{
    [Required, RegularExpression("^[a-z0-9_]{1,64}$")]
    public string Code { get; set; } = "";

    [Required]
    public string Feature { get; set; } = "";

    public double Threshold { get; set; }

    /// <summary>What an analyst reads next to the flag.</summary>
    [Required]
    public string Description { get; set; } = "";
}
