using EKyc.GrainInterfaces.Common;
using EKyc.GrainInterfaces.Liveness;
using EKyc.Verification.Checks;

namespace EKyc.Grains.Ports;

/// <summary>
/// The face checks, run silo-side where the image and ONNX libraries are: the selfie (intake, quality, passive
/// liveness, match to the document portrait, challenge binding, duplicate search over other applicants' templates)
/// and the frames of a challenge-liveness session.
/// </summary>
public interface IFaceChecks
{
    Task<SelfieCheckOutcome> VerifySelfieAsync(SelfieCheckRequest request, CancellationToken cancellationToken);

    Task<ChallengeCheckOutcome> VerifyChallengeAsync(ChallengeCheckRequest request, CancellationToken cancellationToken);
}

/// <param name="ApplicantId">Whose selfie: their own stored templates are not duplicates.</param>
/// <param name="DocumentPortrait">The newest document portrait crop (decrypted), or null when none was stored.</param>
/// <param name="Challenge">The result of the challenge session the selfie names, or null when it names none.</param>
public sealed record SelfieCheckRequest(Guid ApplicantId, byte[] Selfie, byte[]? DocumentPortrait, ChallengeEvidence? Challenge);

/// <summary>A verified session's outcome as the selfie step sees it; <see cref="FaceTemplate"/> is the frames' face.</summary>
public sealed record ChallengeEvidence(bool Passed, IReadOnlyList<string> Codes, byte[]? FaceTemplate);

/// <summary>The outcome: a refusal of the input (<see cref="RefusalCode"/> set), or results with the evidence to store.</summary>
public sealed record SelfieCheckOutcome(
    IReadOnlyList<CheckResult> Results,
    IReadOnlyList<EvidenceContent> Evidence,
    string? RefusalCode = null,
    string? RefusalMessage = null,
    bool RefusalTooLarge = false)
{
    public static SelfieCheckOutcome Refused(string code, string message, bool tooLarge = false) => new([], [], code, message, tooLarge);
}

/// <summary>A session's challenge, the submission to verify against it, and what the session already knows.</summary>
/// <param name="Now">Business time at which the submission arrived.</param>
/// <param name="AlreadySubmitted">True when the session has already taken its one submission.</param>
public sealed record ChallengeCheckRequest(
    string Nonce,
    IReadOnlyList<LivenessAction> Actions,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    LivenessFrameSubmission Submission,
    DateTimeOffset Now,
    bool AlreadySubmitted);

/// <summary>How far a challenge submission got.</summary>
public enum ChallengeCheckStage
{
    /// <summary>The envelope was refused (replay, nonce, expiry): nothing about the session changes.</summary>
    Refused,

    /// <summary>The frame times were refused (reordered, stale) before any image work: a failed session.</summary>
    TimesRejected,

    /// <summary>A frame is not an acceptable image: refused as input, the session stays open.</summary>
    InvalidInput,

    /// <summary>Every frame was analysed and the actions verified: passed when <c>Codes</c> is empty.</summary>
    Verified,
}

/// <param name="Codes">The verifier's codes (ChallengeCodes), or the intake code for invalid input.</param>
/// <param name="FaceTemplate">The frames' face template when the session passed.</param>
public sealed record ChallengeCheckOutcome(
    ChallengeCheckStage Stage,
    IReadOnlyList<string> Codes,
    byte[]? FaceTemplate = null,
    ErrorKind RefusalKind = ErrorKind.Validation,
    string? Message = null);
