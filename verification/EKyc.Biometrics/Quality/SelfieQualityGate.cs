using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Detection;

namespace EKyc.Biometrics.Quality;

/// <summary>
/// Decides whether a selfie is usable, and if not, what the applicant should change. Pure: it reads measurements
/// already taken, so it is unit-testable and re-runnable with other options.
/// </summary>
public sealed class SelfieQualityGate(QualityOptions options)
{
    public QualityOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <summary>Problems of one face, in the order an applicant should fix them (distance, pose, then light).</summary>
    public IReadOnlyList<QualityIssue> FaceIssues(FaceBox box, int imageWidth, int imageHeight, HeadPose pose, FaceImageMeasures measures, EyeState eyes)
    {
        var issues = new List<QualityIssue>();
        var side = Math.Min(box.Width, box.Height);
        if (side < Options.MinFacePixels || side < Options.MinFaceFraction * Math.Min(imageWidth, imageHeight))
        {
            issues.Add(QualityIssue.FaceTooSmall);
        }
        if (Math.Abs(pose.Yaw) > Options.MaxYawDegrees || Math.Abs(pose.Pitch) > Options.MaxPitchDegrees)
        {
            issues.Add(QualityIssue.PoseNotFrontal);
        }
        if (measures.Brightness < Options.MinBrightness) issues.Add(QualityIssue.TooDark);
        else if (measures.Brightness > Options.MaxBrightness) issues.Add(QualityIssue.TooBright);
        if (measures.Sharpness < Options.MinSharpness) issues.Add(QualityIssue.TooBlurry);
        // Both eyes: the eye model calls one open eye in ten closed (see EyeStateEstimator).
        if (eyes.BothClosed(Options.EyeOpenThreshold)) issues.Add(QualityIssue.EyesClosed);
        return issues;
    }

    /// <summary>
    /// Problems of the picture as a selfie: no face, more than one person, or the main face's own problems.
    /// </summary>
    /// <param name="detections">Every detection, most confident first.</param>
    /// <param name="mainFaceIssues">Result of <see cref="FaceIssues"/> for the largest face.</param>
    public IReadOnlyList<QualityIssue> SelfieIssues(IReadOnlyList<DetectedFace> detections, IReadOnlyList<QualityIssue> mainFaceIssues)
    {
        ArgumentNullException.ThrowIfNull(detections);
        ArgumentNullException.ThrowIfNull(mainFaceIssues);
        if (detections.Count == 0) return [QualityIssue.NoFace];
        var main = detections.MaxBy(d => d.Box.Area)!;
        var others = detections.Count(d => !ReferenceEquals(d, main)
            && d.Score >= Options.OtherFaceMinScore
            && d.Box.Height >= Options.OtherFaceMinRelativeSize * main.Box.Height);
        return others > 0 ? [QualityIssue.MultipleFaces, .. mainFaceIssues] : mainFaceIssues;
    }
}
