using System.ComponentModel.DataAnnotations;
using EKyc.Documents.Intake;

namespace EKyc.Silo.Biometrics;

/// <summary>
/// Selfie and challenge-frame checks, section <c>Biometrics</c> (the grains read <c>RequireChallenge</c> and the
/// challenge lifetime from the same section). The defaults come from ../shared/data, which holds press photos and three
/// spoof samples, not selfies: re-derive them on real captures before production.
/// </summary>
public sealed class FaceCheckOptions
{
    /// <summary>Image limits for selfies and frames (default shorter side ≥ 240 px: frames are often VGA).</summary>
    public IntakeOptions Intake { get; set; } = new() { MinSide = 240 };

    /// <summary>Cosine at or above which two faces are the same person (default 0.40, see FaceMatchOptions).</summary>
    [Range(0.0, 1.0)]
    public float MatchThreshold { get; set; } = 0.40f;

    /// <summary>Passive-liveness score at or above which a selfie is live (default 0.5, the model's boundary).</summary>
    [Range(0.0, 1.0)]
    public float LiveAtOrAbove { get; set; } = 0.5f;

    /// <summary>
    /// Below this the selfie is a suspected spoof (default 0.3; the labelled spoofs read 0.00 and 0.19, the live sample
    /// 0.68); between this and <see cref="LiveAtOrAbove"/> the model is unsure and a person looks.
    /// </summary>
    [Range(0.0, 1.0)]
    public float SpoofBelow { get; set; } = 0.3f;

    /// <summary>Most stored templates one duplicate search reads (default 100 000; see FaceTemplateIndex).</summary>
    [Range(1, 10_000_000)]
    public int DuplicateSearchLimit { get; set; } = 100_000;

    /// <summary>Selfies or frame sets analysed at once per silo (the face models are CPU-bound).</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>Most frames one challenge submission may carry (default 12, as the grains' bound).</summary>
    [Range(1, 64)]
    public int MaxFrames { get; set; } = 12;
}
