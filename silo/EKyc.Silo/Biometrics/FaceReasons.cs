using EKyc.Biometrics.Liveness;
using EKyc.Biometrics.Quality;
using EKyc.Verification.Checks;

namespace EKyc.Silo.Biometrics;

/// <summary>Reason codes of the selfie step, their categories and what the applicant can do about them.</summary>
internal static class FaceReasons
{
    public static readonly ReasonCode SpoofSuspected = new(ChallengeCodes.SpoofSuspected, ReasonCategory.FraudSignal);

    public static readonly ReasonCode LivenessLowConfidence = new("liveness_low_confidence", ReasonCategory.NeedsReview);

    public static readonly ReasonCode PortraitMissing = new("document_portrait_missing", ReasonCategory.NeedsReview);

    public static readonly ReasonCode PortraitNoFace = new("document_portrait_no_face", ReasonCategory.NeedsReview);

    public static readonly ReasonCode FaceMismatch = new("face_mismatch", ReasonCategory.FraudSignal);

    public static readonly ReasonCode DuplicateFace = new("duplicate_face", ReasonCategory.FraudSignal);

    /// <summary>The selfie is not the face that performed the challenge.</summary>
    public static readonly ReasonCode LivenessFaceMismatch = new("liveness_face_mismatch", ReasonCategory.FraudSignal);

    public static readonly ReasonCode ChallengeTemplateMissing = new("liveness_template_missing", ReasonCategory.NeedsReview);

    /// <summary>No challenge was asked for (allowed by configuration): recorded, changes nothing.</summary>
    public static readonly ReasonCode ChallengeNotPerformed = new("challenge_not_performed", ReasonCategory.Notice);

    private const string RepeatChallenge = "Start the liveness check again and follow the movements shown, in order";

    /// <summary>A selfie quality issue: the applicant can fix it.</summary>
    public static ReasonCode Quality(QualityIssue issue) => new(issue.Code, ReasonCategory.Retryable, issue.Instruction);

    /// <summary>
    /// A failed challenge's code as a reason. A missed movement or a frame without a face is the applicant's to redo;
    /// a spoof or a changed face is a fraud signal; reordered or stale frame times are tampering or a broken device
    /// clock, so a person decides.
    /// </summary>
    public static ReasonCode Challenge(string code) => code switch
    {
        ChallengeCodes.SpoofSuspected or ChallengeCodes.FaceChanged => new(code, ReasonCategory.FraudSignal),
        ChallengeCodes.FramesOutOfOrder or ChallengeCodes.FramesStale => new(code, ReasonCategory.NeedsReview),
        _ when code.StartsWith(ChallengeCodes.ActionNotObservedPrefix, StringComparison.Ordinal) => new(code, ReasonCategory.Retryable, RepeatChallenge),
        ChallengeCodes.NoFaceInFrame => new(code, ReasonCategory.Retryable, "Keep your whole face in the frame during the liveness check"),
        _ => new(code, ReasonCategory.Retryable, RepeatChallenge),
    };
}
