using System.Collections.Immutable;
using Orleans;

namespace EKyc.GrainInterfaces.Liveness;

/// <summary>
/// What the applicant is asked to do, in their own frame of reference (mirrors the face library's challenge actions;
/// the contracts do not reference the image libraries). Values are persisted: never renumber.
/// </summary>
public enum LivenessAction
{
    TurnLeft = 0,
    TurnRight = 1,
    LookUp = 2,
    LookDown = 3,
    Blink = 4,
}

/// <summary>Where a session is. Values are persisted: never renumber.</summary>
public enum LivenessSessionStatus
{
    /// <summary>Issued, waiting for its one submission.</summary>
    Issued = 0,

    /// <summary>The submission was verified and every action was seen.</summary>
    Passed = 1,

    /// <summary>The submission was verified (or its frame times refused) and failed; <c>Codes</c> say why.</summary>
    Failed = 2,

    /// <summary>No submission arrived before the expiry.</summary>
    Expired = 3,
}

/// <summary>A challenge as handed to the client: echo the nonce, perform the actions in order before the expiry.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.LivenessChallengeView")]
public sealed record LivenessChallengeView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid ApplicantId,
    [property: Id(2)] string Nonce,
    [property: Id(3)] ImmutableArray<LivenessAction> Actions,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt);

/// <summary>One captured frame: the encoded image and the client's capture time.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.LivenessFrame")]
public sealed record LivenessFrame(
    [property: Id(0)] DateTimeOffset CapturedAt,
    [property: Id(1)] byte[] Image);

/// <summary>The one submission a session accepts: the nonce it was issued and the frames in capture order.</summary>
[GenerateSerializer, Immutable, Alias("ekyc.LivenessFrameSubmission")]
public sealed record LivenessFrameSubmission(
    [property: Id(0)] string Nonce,
    [property: Id(1)] ImmutableArray<LivenessFrame> Frames);

/// <summary>
/// A session's state without its nonce. <see cref="TemplateEvidenceId"/> is the encrypted face template of the
/// frames (kept so the selfie can be bound to the face that performed the challenge); <see cref="UsedBySelfie"/> is
/// set once a selfie submission has relied on the session.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.LivenessSessionView")]
public sealed record LivenessSessionView(
    [property: Id(0)] Guid SessionId,
    [property: Id(1)] Guid ApplicantId,
    [property: Id(2)] LivenessSessionStatus Status,
    [property: Id(3)] ImmutableArray<string> Codes,
    [property: Id(4)] DateTimeOffset IssuedAt,
    [property: Id(5)] DateTimeOffset ExpiresAt,
    [property: Id(6)] DateTimeOffset? SubmittedAt,
    [property: Id(7)] bool UsedBySelfie,
    [property: Id(8)] string? TemplateEvidenceId);

/// <summary>
/// Stable codes of the session and selfie refusals. <see cref="Replayed"/> and <see cref="Expired"/> are the face
/// library's <c>ChallengeCodes</c> values (a test keeps them equal); the others are the session's own.
/// </summary>
public static class LivenessErrors
{
    public const string Replayed = "challenge_replayed";
    public const string Expired = "challenge_expired";
    public const string SessionNotFound = "liveness_session_not_found";
    public const string SessionIncomplete = "liveness_session_incomplete";
    public const string SessionRequired = "liveness_session_required";
    public const string FramesRequired = "frames_required";
    public const string TooManyFrames = "too_many_frames";
}
