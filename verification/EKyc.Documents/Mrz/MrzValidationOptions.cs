using System.ComponentModel.DataAnnotations;

namespace EKyc.Documents.Mrz;

/// <summary>What the document data must satisfy; bound from <c>Documents:Validation</c>.</summary>
public sealed class MrzValidationOptions
{
    /// <summary>Applicants younger than this are not eligible (most KYC regimes: 18).</summary>
    [Range(0, 100)]
    public int MinimumAgeYears { get; set; } = 18;

    /// <summary>Older than this is treated as an OCR or forgery artefact, not a person.</summary>
    [Range(90, 150)]
    public int MaximumAgeYears { get; set; } = 120;

    /// <summary>Whether a document without an expiry date (some national ID cards) is acceptable.</summary>
    public bool AllowMissingExpiry { get; set; } = true;
}
