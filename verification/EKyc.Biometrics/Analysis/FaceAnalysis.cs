using EKyc.Biometrics.Alignment;
using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Quality;

namespace EKyc.Biometrics.Analysis;

/// <summary>Everything measured about one face.</summary>
public sealed record AnalyzedFace(
    FaceBox Box,
    float DetectionScore,
    FaceLandmarks Landmarks,
    float[] Embedding,
    HeadPose Pose,
    EyeState Eyes,
    LivenessResult Liveness,
    FaceImageMeasures Measures,
    IReadOnlyList<QualityIssue> QualityIssues);

/// <summary>
/// Result of analysing one image. <see cref="Faces"/> is ordered largest first, so <see cref="MainFace"/> is the
/// applicant in a selfie and the portrait on a document. <see cref="SelfieIssues"/> is empty when the image is usable
/// as a selfie.
/// </summary>
public sealed record FaceAnalysis(
    int ImageWidth,
    int ImageHeight,
    IReadOnlyList<DetectedFace> Detections,
    IReadOnlyList<AnalyzedFace> Faces,
    IReadOnlyList<QualityIssue> SelfieIssues,
    StageTimings Timings)
{
    public AnalyzedFace? MainFace => Faces.Count > 0 ? Faces[0] : null;

    public bool SelfieAccepted => SelfieIssues.Count == 0;
}
