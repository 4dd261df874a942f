namespace EKyc.Biometrics.Analysis;

/// <summary>
/// Wall-clock milliseconds per pipeline stage for one image, summed over its faces, so the cost of each model can be
/// monitored separately (the embedding dominates; detection scales with image count, the rest with face count).
/// </summary>
public sealed record StageTimings(
    double DetectMs,
    double LandmarkMs,
    double AlignEmbedMs,
    double LivenessMs,
    double PoseMs,
    double EyeMs,
    double QualityMs)
{
    public double TotalMs => DetectMs + LandmarkMs + AlignEmbedMs + LivenessMs + PoseMs + EyeMs + QualityMs;
}
