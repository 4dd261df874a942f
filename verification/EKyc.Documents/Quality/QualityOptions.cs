using System.ComponentModel.DataAnnotations;

namespace EKyc.Documents.Quality;

/// <summary>
/// Capture-quality thresholds; bound from <c>Documents:Quality</c>. Defaults are calibrated on ../shared/data/documents
/// with <c>./ekyc eval documents</c> (its quality table shows every sharp specimen passing and the synthetic blurred,
/// darkened, glared and shrunk copies failing); the README states the numbers.
/// </summary>
public sealed class QualityOptions
{
    /// <summary>Variance of the Laplacian on the document scaled to 800 px wide; below is blurry.</summary>
    [Range(1, 10_000)]
    public double MinSharpness { get; set; } = 200;

    /// <summary>Share of the document that is saturated highlight (V ≥ 250, S ≤ 40); above is glare.</summary>
    [Range(0.001, 0.5)]
    public double MaxGlareFraction { get; set; } = 0.04;

    /// <summary>Mean luminance (0–255) below which the photo is too dark.</summary>
    [Range(10, 150)]
    public double MinMeanLuminance { get; set; } = 60;

    /// <summary>Mean luminance above which the photo is washed out.</summary>
    [Range(150, 254)]
    public double MaxMeanLuminance { get; set; } = 240;

    /// <summary>Width in pixels of the (perspective-corrected) document below which text is too small to read.</summary>
    [Range(100, 4000)]
    public int MinDocumentWidth { get; set; } = 500;

    /// <summary>Share of the photo a found document must cover; smaller means the applicant should move closer.</summary>
    [Range(0.05, 0.9)]
    public double MinDocumentAreaFraction { get; set; } = 0.25;

    /// <summary>A document corner closer than this share of the image side to the edge is treated as cut off.</summary>
    [Range(0.0, 0.1)]
    public double CornerMargin { get; set; } = 0.01;
}
