using EKyc.Biometrics.Analysis;

namespace EKyc.Biometrics.Liveness;

/// <summary>What the applicant is asked to do, in the person's own frame of reference (see <see cref="HeadPose"/>).</summary>
public enum ChallengeAction
{
    TurnLeft,
    TurnRight,
    LookUp,
    LookDown,
    Blink,
}

/// <summary>
/// A challenge as issued by the server: a random nonce, the ordered actions, and its validity window. The server
/// keeps it; the client only echoes the nonce.
/// </summary>
public sealed record LivenessChallenge(string Nonce, IReadOnlyList<ChallengeAction> Actions, DateTimeOffset IssuedAt, DateTimeOffset ExpiresAt);

/// <summary>
/// One face as analysed in one frame. Frames must be as the camera captured them, not mirrored like a front-camera
/// preview, or left and right swap.
/// </summary>
public sealed record FrameFace(HeadPose Pose, EyeState Eyes, float[] Embedding, float LivenessScore);

/// <summary>One captured frame; <see cref="Face"/> is null when no face was found in it.</summary>
public sealed record ChallengeFrame(DateTimeOffset CapturedAt, FrameFace? Face);

/// <summary>What the client sent back: the nonce it was given and its frames in capture order.</summary>
public sealed record ChallengeSubmission(string Nonce, IReadOnlyList<ChallengeFrame> Frames);

/// <summary>Outcome: passed only when <see cref="Codes"/> is empty.</summary>
public sealed record ChallengeVerdict(IReadOnlyList<string> Codes)
{
    public bool Passed => Codes.Count == 0;
}
