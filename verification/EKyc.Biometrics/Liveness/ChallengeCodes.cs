namespace EKyc.Biometrics.Liveness;

/// <summary>Stable rejection codes of <see cref="ChallengeLiveness"/>; they reach logs, metrics and API clients.</summary>
public static class ChallengeCodes
{
    public const string Expired = "challenge_expired";
    public const string NonceMismatch = "challenge_nonce_mismatch";
    public const string Replayed = "challenge_replayed";
    public const string FramesOutOfOrder = "frames_out_of_order";

    /// <summary>A frame time outside the challenge's issue-to-expiry window (or in the future): recorded earlier or forged.</summary>
    public const string FramesStale = "frames_stale";

    public const string ActionNotObservedPrefix = "action_not_observed:";
    public const string FaceChanged = "face_changed_between_frames";
    public const string SpoofSuspected = "liveness_spoof_suspected";
    public const string NoFaceInFrame = "no_face_in_frame";

    /// <summary><c>action_not_observed:turn_left</c> etc.</summary>
    public static string ActionNotObserved(ChallengeAction action) => ActionNotObservedPrefix + SnakeCase(action);

    public static string SnakeCase(ChallengeAction action) => action switch
    {
        ChallengeAction.TurnLeft => "turn_left",
        ChallengeAction.TurnRight => "turn_right",
        ChallengeAction.LookUp => "look_up",
        ChallengeAction.LookDown => "look_down",
        ChallengeAction.Blink => "blink",
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "unknown challenge action"),
    };
}
