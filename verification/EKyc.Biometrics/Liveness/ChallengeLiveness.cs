using System.Security.Cryptography;
using System.Text;
using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Recognition;

namespace EKyc.Biometrics.Liveness;

/// <summary>
/// Verifies an active-liveness submission against the challenge it answers. Pure: frames arrive already analysed,
/// and the caller supplies the clock and whether the nonce was used before, so every rule is testable with literals.
/// Envelope failures (replay, wrong nonce, expiry) stop the check; frame failures are all reported together.
/// </summary>
public sealed class ChallengeLiveness(ChallengeLivenessOptions options)
{
    public ChallengeLivenessOptions Options { get; } = options ?? throw new ArgumentNullException(nameof(options));

    /// <param name="now">Server time at which the submission arrived.</param>
    /// <param name="nonceAlreadyUsed">True when the server has already accepted a submission for this nonce.</param>
    public ChallengeVerdict Verify(LivenessChallenge challenge, ChallengeSubmission submission, DateTimeOffset now, bool nonceAlreadyUsed)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(submission);

        var envelope = CheckEnvelope(challenge, submission.Nonce, now, nonceAlreadyUsed);
        if (!envelope.Passed) return envelope;

        var frames = submission.Frames;
        var codes = new List<string>(CheckFrameTimes(challenge, [.. frames.Select(f => f.CapturedAt)], now).Codes);

        var faces = frames.Where(f => f.Face is not null).Select(f => f.Face!).ToList();
        if (frames.Count == 0 || faces.Count < frames.Count) codes.Add(ChallengeCodes.NoFaceInFrame);
        if (faces.Count > 0)
        {
            if (faces.Any(f => Embeddings.Cosine(f.Embedding, faces[0].Embedding) < Options.SameFaceMinCosine))
            {
                codes.Add(ChallengeCodes.FaceChanged);
            }
            if (Median(faces.Select(f => f.LivenessScore)) < Options.PassiveLivenessThreshold)
            {
                codes.Add(ChallengeCodes.SpoofSuspected);
            }
        }

        var missing = FirstUnobservedAction(challenge.Actions, faces);
        if (missing is { } action) codes.Add(ChallengeCodes.ActionNotObserved(action));
        return new(codes);
    }

    /// <summary>
    /// The checks on the envelope alone (replay, nonce, expiry), in that order; at most one code. A server runs them
    /// before reading any frame, so a replayed or expired submission costs no image work.
    /// </summary>
    public static ChallengeVerdict CheckEnvelope(LivenessChallenge challenge, string nonce, DateTimeOffset now, bool nonceAlreadyUsed)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        if (nonceAlreadyUsed) return new([ChallengeCodes.Replayed]);
        if (!NonceEquals(challenge.Nonce, nonce)) return new([ChallengeCodes.NonceMismatch]);
        if (now > challenge.ExpiresAt) return new([ChallengeCodes.Expired]);
        return new([]);
    }

    /// <summary>
    /// The checks on the frame times alone (order, then the issue-to-expiry window), so reordered or stale frames are
    /// refused before any frame is decoded.
    /// </summary>
    public ChallengeVerdict CheckFrameTimes(LivenessChallenge challenge, IReadOnlyList<DateTimeOffset> capturedAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        ArgumentNullException.ThrowIfNull(capturedAt);
        var codes = new List<string>();
        if (!StrictlyIncreasing(capturedAt)) codes.Add(ChallengeCodes.FramesOutOfOrder);
        if (capturedAt.Any(t => t < challenge.IssuedAt - Options.ClockSkew
                                || t > challenge.ExpiresAt + Options.ClockSkew
                                || t > now + Options.ClockSkew))
        {
            codes.Add(ChallengeCodes.FramesStale);
        }
        return new(codes);
    }

    /// <summary>
    /// Walks the frames once, matching the actions in order; returns the first action not seen after the previous
    /// one, or null when all were seen.
    /// </summary>
    private ChallengeAction? FirstUnobservedAction(IReadOnlyList<ChallengeAction> actions, List<FrameFace> faces)
    {
        if (faces.Count == 0) return actions.Count > 0 ? actions[0] : null;
        var baseline = faces[0].Pose;
        var cursor = 0;
        var previousWasHeadMove = false;
        foreach (var action in actions)
        {
            int? done;
            if (action == ChallengeAction.Blink)
            {
                done = FindBlink(faces, cursor);
            }
            else
            {
                var start = previousWasHeadMove ? FindNeutral(faces, cursor, baseline) : cursor;
                done = start is { } s ? FindHeadMove(faces, s, action, baseline) : null;
            }
            if (done is not { } next) return action;
            cursor = next + 1;
            previousWasHeadMove = action != ChallengeAction.Blink;
        }
        return null;
    }

    private int? FindHeadMove(List<FrameFace> faces, int from, ChallengeAction action, HeadPose baseline)
    {
        for (var i = from; i < faces.Count; i++)
        {
            var dYaw = faces[i].Pose.Yaw - baseline.Yaw;
            var dPitch = faces[i].Pose.Pitch - baseline.Pitch;
            var seen = action switch
            {
                ChallengeAction.TurnLeft => dYaw >= Options.TurnYawDegrees,
                ChallengeAction.TurnRight => dYaw <= -Options.TurnYawDegrees,
                ChallengeAction.LookUp => dPitch >= Options.LookPitchDegrees,
                ChallengeAction.LookDown => dPitch <= -Options.LookPitchDegrees,
                _ => false,
            };
            if (seen) return i;
        }
        return null;
    }

    private int? FindNeutral(List<FrameFace> faces, int from, HeadPose baseline)
    {
        for (var i = from; i < faces.Count; i++)
        {
            if (Math.Abs(faces[i].Pose.Yaw - baseline.Yaw) <= Options.NeutralDegrees
                && Math.Abs(faces[i].Pose.Pitch - baseline.Pitch) <= Options.NeutralDegrees)
            {
                return i;
            }
        }
        return null;
    }

    /// <summary>Open, then both eyes closed, then open again: a photo cannot do it, a held-shut eye neither.</summary>
    private int? FindBlink(List<FrameFace> faces, int from)
    {
        var stage = 0; // 0: want open, 1: want closed, 2: want open again
        for (var i = from; i < faces.Count; i++)
        {
            var eyes = faces[i].Eyes;
            switch (stage)
            {
                case 0 when eyes.BothOpen(Options.EyeOpenThreshold):
                    stage = 1;
                    break;
                case 1 when eyes.BothClosed(Options.EyeOpenThreshold):
                    stage = 2;
                    break;
                case 2 when eyes.BothOpen(Options.EyeOpenThreshold):
                    return i;
            }
        }
        return null;
    }

    private static bool StrictlyIncreasing(IReadOnlyList<DateTimeOffset> times)
    {
        for (var i = 1; i < times.Count; i++)
        {
            if (times[i] <= times[i - 1]) return false;
        }
        return true;
    }

    private static float Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Constant-time comparison, so response timing does not reveal how much of a guessed nonce was right.</summary>
    private static bool NonceEquals(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected ?? string.Empty), Encoding.UTF8.GetBytes(actual ?? string.Empty));
}
