namespace EKyc.Biometrics.Liveness;

/// <summary>
/// Thresholds of the challenge verifier, in this library's pose degrees. Head movements are measured relative to the
/// first frame, because the pose model has a per-person and per-camera bias (frontal portraits read pitch −5° to
/// −17°) that an absolute threshold would mistake for a movement.
/// </summary>
public sealed record ChallengeLivenessOptions
{
    /// <summary>
    /// Yaw change that counts as a turn (default 15°). The pose model reads roughly half a landmark-geometry
    /// estimate: a deliberate ~35–40° turn reads ~20–30°, while near-frontal photos scatter within about ±10°.
    /// </summary>
    public float TurnYawDegrees { get; init; } = 15f;

    /// <summary>Pitch change that counts as looking up or down (default 10°; pitch range is smaller than yaw's).</summary>
    public float LookPitchDegrees { get; init; } = 10f;

    /// <summary>
    /// Before each head movement after the first, the head must come back within this of the start pose (default
    /// 8°), so that a single held pose cannot satisfy two consecutive actions.
    /// </summary>
    public float NeutralDegrees { get; init; } = 8f;

    /// <summary>An eye counts as open at or above this probability (default 0.5); a blink needs both eyes closed.</summary>
    public float EyeOpenThreshold { get; init; } = 0.5f;

    /// <summary>
    /// Lowest cosine between any frame's embedding and the first frame's (default 0.40). Different photos of one
    /// person in the shared data scored at least 0.46 and different people at most 0.35; frames of one session should
    /// score far higher, so a lower score means the video was spliced.
    /// </summary>
    public float SameFaceMinCosine { get; init; } = 0.40f;

    /// <summary>Median passive-liveness score of the frames must reach this (default 0.5, as PassiveLivenessOptions).</summary>
    public float PassiveLivenessThreshold { get; init; } = 0.5f;

    /// <summary>Tolerance for client and server clocks disagreeing about frame times (default 2 s).</summary>
    public TimeSpan ClockSkew { get; init; } = TimeSpan.FromSeconds(2);
}
