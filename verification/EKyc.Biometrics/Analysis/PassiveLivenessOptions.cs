namespace EKyc.Biometrics.Analysis;

/// <summary>Decision threshold of the passive (single-image) liveness model.</summary>
public sealed record PassiveLivenessOptions
{
    /// <summary>
    /// Live-class probability at or above which a face is taken as live (default 0.5, the model's own decision
    /// boundary between live and the larger of the two attack classes). On ../shared/data/spoof the live sample read
    /// 0.68 and the spoofs 0.00 and 0.19; the main face of every press photo in ../shared/data/faces read at least
    /// 0.53. Three labelled samples cannot calibrate anything finer.
    /// </summary>
    public float Threshold { get; init; } = 0.5f;
}

/// <summary>Live-class probability and the decision at the configured threshold.</summary>
public readonly record struct LivenessResult(float Score, bool IsLive);
