namespace EKyc.Biometrics.Quality;

/// <summary>
/// Thresholds of the selfie quality gate. The defaults were set against ../shared/data (press photos of 14 people,
/// not selfies): they reject none of its single-face images for size, blur or light, and should be re-tuned on real
/// selfie captures.
/// </summary>
public sealed record QualityOptions
{
    /// <summary>
    /// Smallest face side as a fraction of the image's shorter side (default 0.2). A selfie at arm's length fills
    /// 30–60 %; below a fifth the applicant is too far away for the details the comparison needs.
    /// </summary>
    public float MinFaceFraction { get; init; } = 0.2f;

    /// <summary>Smallest face side in pixels (default 112: the embedding model's input; smaller faces are upscaled).</summary>
    public int MinFacePixels { get; init; } = 112;

    /// <summary>
    /// Largest |yaw| in this library's degrees (default 20). The pose model reads about half a landmark-geometry
    /// estimate, so 20° here is a clearly turned head; near-frontal press photos read at most ~15°.
    /// </summary>
    public float MaxYawDegrees { get; init; } = 20f;

    /// <summary>
    /// Largest |pitch| (default 25). Frontal portraits already read −5° to −17° (a bias of the model), so the limit
    /// is wider than for yaw.
    /// </summary>
    public float MaxPitchDegrees { get; init; } = 25f;

    /// <summary>
    /// Smallest Laplacian variance of the face at 128×128 (default 40). The 60 press photos read 303–1899. Blurred on
    /// purpose with a Gaussian of σ = 1 px at that scale they read 36–133 (median 67), with σ = 1.5 px 14–57: 40
    /// passes every photo as taken and rejects most faces blurred by 1.5 px. Sensor noise in dim selfies raises the
    /// variance, so this catches motion and focus blur in good light best.
    /// </summary>
    public double MinSharpness { get; init; } = 40;

    /// <summary>Darkest acceptable mean grey of the face (default 50 of 255).</summary>
    public double MinBrightness { get; init; } = 50;

    /// <summary>Brightest acceptable mean grey of the face (default 220 of 255: above it skin detail is washed out).</summary>
    public double MaxBrightness { get; init; } = 220;

    /// <summary>An eye counts as open at or above this probability (default 0.5, the model's decision boundary).</summary>
    public float EyeOpenThreshold { get; init; } = 0.5f;

    /// <summary>
    /// A second detection counts as another person only when it is at least this confident (default 0.9). The
    /// detector's own cut-off is 0.65; in the shared data the detections between 0.65 and 0.9 were a patterned
    /// shirt and a blurred background face, not people in the picture.
    /// </summary>
    public float OtherFaceMinScore { get; init; } = 0.9f;

    /// <summary>…and at least this large relative to the main face (default 0.25).</summary>
    public float OtherFaceMinRelativeSize { get; init; } = 0.25f;
}
