using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Liveness;

namespace EKyc.Biometrics.Tests;

public class ChallengeLivenessTests
{
    private static readonly DateTimeOffset Issued = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Expires = Issued.AddMinutes(2);
    private static readonly DateTimeOffset Now = Issued.AddSeconds(30);
    private static readonly float[] Alice = [0.8f, 0.6f, 0f];
    private static readonly float[] AliceTurned = [0.7f, 0.7f, 0.14f]; // cosine ≈ 0.98 to Alice
    private static readonly float[] Bob = [0f, 0.1f, 0.995f];          // cosine ≈ 0.06 to Alice
    private static readonly EyeState EyesOpen = new(0.97f, 0.99f);
    private static readonly EyeState EyesShut = new(0.03f, 0.05f);

    private static readonly ChallengeLiveness Verifier = new(new ChallengeLivenessOptions());

    private static LivenessChallenge Challenge(params ChallengeAction[] actions) => new("n-7f3a9c", actions, Issued, Expires);

    private static FrameFace Face(float yaw = 0, float pitch = -10, EyeState? eyes = null, float[]? embedding = null, float live = 0.95f) =>
        new(new HeadPose(yaw, pitch, 0), eyes ?? EyesOpen, embedding ?? Alice, live);

    /// <summary>Frames 200 ms apart from 5 s after issue.</summary>
    private static ChallengeSubmission Frames(params FrameFace?[] faces) =>
        new("n-7f3a9c", faces.Select((f, i) => new ChallengeFrame(Issued.AddSeconds(5).AddMilliseconds(200 * i), f)).ToList());

    /// <summary>A genuine session: neutral, turn left, back, blink, turn right (the turned frames embed a bit differently).</summary>
    private static ChallengeSubmission Genuine() => Frames(
        Face(),
        Face(yaw: 22, embedding: AliceTurned),
        Face(yaw: 2),
        Face(eyes: EyesShut),
        Face(),
        Face(yaw: -24, embedding: AliceTurned));

    private static ChallengeAction[] LeftBlinkRight => [ChallengeAction.TurnLeft, ChallengeAction.Blink, ChallengeAction.TurnRight];

    [Fact]
    public void A_genuine_session_passes()
    {
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), Genuine(), Now, nonceAlreadyUsed: false);
        Assert.True(verdict.Passed, string.Join(", ", verdict.Codes));
        Assert.Empty(verdict.Codes);
    }

    [Fact]
    public void A_nonce_already_used_is_a_replay()
    {
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), Genuine(), Now, nonceAlreadyUsed: true);
        Assert.Equal(["challenge_replayed"], verdict.Codes);
        Assert.False(verdict.Passed);
    }

    [Fact]
    public void A_different_nonce_is_rejected()
    {
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), Genuine() with { Nonce = "n-7f3a9d" }, Now, nonceAlreadyUsed: false);
        Assert.Equal(["challenge_nonce_mismatch"], verdict.Codes);
    }

    [Fact]
    public void A_submission_after_expiry_is_rejected()
    {
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), Genuine(), Expires.AddSeconds(1), nonceAlreadyUsed: false);
        Assert.Equal(["challenge_expired"], verdict.Codes);
    }

    [Fact]
    public void Frames_must_have_strictly_increasing_times()
    {
        var frames = Genuine().Frames.ToList();
        frames[3] = frames[3] with { CapturedAt = frames[2].CapturedAt }; // a repeated timestamp
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, false);
        Assert.Equal(["frames_out_of_order"], verdict.Codes);
    }

    [Fact]
    public void Frames_recorded_before_the_challenge_was_issued_are_stale()
    {
        var frames = Genuine().Frames.Select(f => f with { CapturedAt = f.CapturedAt.AddMinutes(-1) }).ToList();
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, false);
        Assert.Equal(["frames_stale"], verdict.Codes);
    }

    [Fact]
    public void A_missing_action_is_named()
    {
        var noRightTurn = Frames(Face(), Face(yaw: 22), Face(), Face(eyes: EyesShut), Face(), Face(yaw: -8));
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), noRightTurn, Now, false);
        Assert.Equal(["action_not_observed:turn_right"], verdict.Codes);
    }

    [Fact]
    public void Actions_must_happen_in_the_order_asked()
    {
        // Left then right was performed; right then left was asked.
        var verdict = Verifier.Verify(Challenge(ChallengeAction.TurnRight, ChallengeAction.TurnLeft), Genuine(), Now, false);
        Assert.Equal(["action_not_observed:turn_left"], verdict.Codes);
    }

    [Fact]
    public void One_held_turn_does_not_count_twice()
    {
        var held = Frames(Face(), Face(yaw: 20), Face(yaw: 21), Face(yaw: 22));
        var verdict = Verifier.Verify(Challenge(ChallengeAction.TurnLeft, ChallengeAction.TurnLeft), held, Now, false);
        Assert.Equal(["action_not_observed:turn_left"], verdict.Codes);

        var twice = Frames(Face(), Face(yaw: 20), Face(yaw: 3), Face(yaw: 22));
        Assert.True(Verifier.Verify(Challenge(ChallengeAction.TurnLeft, ChallengeAction.TurnLeft), twice, Now, false).Passed);
    }

    [Fact]
    public void A_blink_needs_both_eyes_to_close_and_reopen()
    {
        var winkOnly = Frames(Face(), Face(eyes: new EyeState(0.02f, 0.96f)), Face());
        Assert.Equal(["action_not_observed:blink"], Verifier.Verify(Challenge(ChallengeAction.Blink), winkOnly, Now, false).Codes);

        var neverReopened = Frames(Face(), Face(eyes: EyesShut), Face(eyes: EyesShut));
        Assert.Equal(["action_not_observed:blink"], Verifier.Verify(Challenge(ChallengeAction.Blink), neverReopened, Now, false).Codes);
    }

    [Fact]
    public void Looking_up_and_down_is_measured_from_the_first_frame()
    {
        // The pose model reads frontal faces around −10° pitch: +1° is 11° above this person's start.
        var upThenDown = Frames(Face(pitch: -10), Face(pitch: 1), Face(pitch: -9), Face(pitch: -22));
        var verdict = Verifier.Verify(Challenge(ChallengeAction.LookUp, ChallengeAction.LookDown), upThenDown, Now, false);
        Assert.True(verdict.Passed, string.Join(", ", verdict.Codes));

        var tooLittle = Frames(Face(pitch: -10), Face(pitch: -3));
        Assert.Equal(["action_not_observed:look_up"], Verifier.Verify(Challenge(ChallengeAction.LookUp), tooLittle, Now, false).Codes);
    }

    [Fact]
    public void A_different_face_spliced_in_is_detected()
    {
        var spliced = Frames(Face(), Face(yaw: 22, embedding: Bob), Face(yaw: 2), Face(eyes: EyesShut), Face(), Face(yaw: -24));
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), spliced, Now, false);
        Assert.Equal(["face_changed_between_frames"], verdict.Codes);
    }

    [Fact]
    public void Frames_the_passive_model_calls_spoofs_fail_even_when_the_actions_are_right()
    {
        var replay = Genuine().Frames.Select(f => f with { Face = f.Face! with { LivenessScore = 0.12f } }).ToList();
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", replay), Now, false);
        Assert.Equal(["liveness_spoof_suspected"], verdict.Codes);
    }

    [Fact]
    public void One_doubtful_frame_does_not_outvote_the_median()
    {
        var frames = Genuine().Frames.ToList();
        frames[1] = frames[1] with { Face = frames[1].Face! with { LivenessScore = 0.1f } };
        Assert.True(Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, false).Passed);
    }

    [Fact]
    public void A_frame_without_a_face_is_rejected()
    {
        var frames = Genuine().Frames.ToList();
        frames.Insert(3, new ChallengeFrame(frames[2].CapturedAt.AddMilliseconds(100), null));
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, false);
        Assert.Equal(["no_face_in_frame"], verdict.Codes);
    }

    [Fact]
    public void An_empty_submission_reports_no_face_and_the_first_missing_action()
    {
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", []), Now, false);
        Assert.Equal(["no_face_in_frame", "action_not_observed:turn_left"], verdict.Codes);
    }

    [Fact]
    public void Every_action_has_a_snake_case_code()
    {
        Assert.Equal(
            ["action_not_observed:turn_left", "action_not_observed:turn_right", "action_not_observed:look_up", "action_not_observed:look_down", "action_not_observed:blink"],
            Enum.GetValues<ChallengeAction>().Select(ChallengeCodes.ActionNotObserved));
    }
    [Fact]
    public void The_envelope_is_checked_replay_first_then_nonce_then_expiry()
    {
        var challenge = Challenge(LeftBlinkRight);
        Assert.Empty(ChallengeLiveness.CheckEnvelope(challenge, "n-7f3a9c", Now, nonceAlreadyUsed: false).Codes);
        Assert.Equal(["challenge_replayed"], ChallengeLiveness.CheckEnvelope(challenge, "wrong", Expires.AddHours(1), nonceAlreadyUsed: true).Codes);
        Assert.Equal(["challenge_nonce_mismatch"], ChallengeLiveness.CheckEnvelope(challenge, "wrong", Expires.AddHours(1), nonceAlreadyUsed: false).Codes);
        Assert.Equal(["challenge_nonce_mismatch"], ChallengeLiveness.CheckEnvelope(challenge, "", Now, nonceAlreadyUsed: false).Codes);
        Assert.Equal(["challenge_expired"], ChallengeLiveness.CheckEnvelope(challenge, "n-7f3a9c", Expires.AddTicks(1), nonceAlreadyUsed: false).Codes);
        // The expiry instant itself is still inside the window.
        Assert.Empty(ChallengeLiveness.CheckEnvelope(challenge, "n-7f3a9c", Expires, nonceAlreadyUsed: false).Codes);
    }

    [Fact]
    public void Frame_times_are_checked_without_any_analysed_face()
    {
        var challenge = Challenge(LeftBlinkRight);
        var start = Issued.AddSeconds(5);
        Assert.True(Verifier.CheckFrameTimes(challenge, [start, start.AddMilliseconds(200)], Now).Passed);
        Assert.Equal(["frames_out_of_order"], Verifier.CheckFrameTimes(challenge, [start.AddMilliseconds(200), start], Now).Codes);
        Assert.Equal(["frames_out_of_order"], Verifier.CheckFrameTimes(challenge, [start, start], Now).Codes);
        Assert.Equal(["frames_stale"], Verifier.CheckFrameTimes(challenge, [Issued.AddSeconds(-3), start], Now).Codes);
        Assert.Equal(["frames_out_of_order", "frames_stale"], Verifier.CheckFrameTimes(challenge, [start, Issued.AddMinutes(-5)], Now).Codes);
        // A frame "captured" after the submission arrived (beyond the clock skew) is forged.
        Assert.Equal(["frames_stale"], Verifier.CheckFrameTimes(challenge, [start, Now.AddSeconds(3)], Now).Codes);
        // Within the clock-skew tolerance either side of the window is fine.
        Assert.True(Verifier.CheckFrameTimes(challenge, [Issued.AddSeconds(-1), Now.AddSeconds(1)], Now).Passed);
    }

    [Fact]
    public void Refusals_on_the_envelope_stop_before_the_frames_are_looked_at()
    {
        // Reordered frames of another session, replayed: only the replay is reported.
        var frames = Genuine().Frames.Reverse().ToList();
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, nonceAlreadyUsed: true);
        Assert.Equal(["challenge_replayed"], verdict.Codes);
    }

    [Fact]
    public void Looking_down_alone_passes_and_a_blink_can_precede_a_head_movement()
    {
        var down = Frames(Face(pitch: -8), Face(pitch: -20));
        Assert.True(Verifier.Verify(Challenge(ChallengeAction.LookDown), down, Now, false).Passed);

        var blinkThenRight = Frames(Face(), Face(eyes: EyesShut), Face(), Face(yaw: -18, embedding: AliceTurned));
        var verdict = Verifier.Verify(Challenge(ChallengeAction.Blink, ChallengeAction.TurnRight), blinkThenRight, Now, false);
        Assert.True(verdict.Passed, string.Join(", ", verdict.Codes));
    }

    [Fact]
    public void A_reordered_genuine_session_fails_on_order_and_on_the_actions()
    {
        // The same frames with their times kept but sent in reverse: the times run backwards.
        var frames = Genuine().Frames.Reverse().ToList();
        var verdict = Verifier.Verify(Challenge(LeftBlinkRight), new ChallengeSubmission("n-7f3a9c", frames), Now, false);
        Assert.Contains("frames_out_of_order", verdict.Codes);
        Assert.False(verdict.Passed);
    }
}
