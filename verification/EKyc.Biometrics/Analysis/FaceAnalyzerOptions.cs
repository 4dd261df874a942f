using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Quality;

namespace EKyc.Biometrics.Analysis;

public sealed record FaceAnalyzerOptions
{
    public FaceDetectorOptions Detector { get; init; } = new();

    public QualityOptions Quality { get; init; } = new();

    public PassiveLivenessOptions Liveness { get; init; } = new();

    /// <summary>
    /// Faces analysed in full per image, largest first (default 5). Each costs ~17 ms of CPU; a crowd in the
    /// background should not multiply the cost of a selfie. All detections are still reported.
    /// </summary>
    public int MaxFacesAnalyzed { get; init; } = 5;
}
