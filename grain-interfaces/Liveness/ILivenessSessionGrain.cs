using EKyc.GrainInterfaces.Common;
using Orleans;

namespace EKyc.GrainInterfaces.Liveness;

/// <summary>
/// One challenge-based liveness session (Guid key), bound to one applicant, one nonce and a short expiry. It accepts
/// exactly one submission of frames; a second is refused as a replay. Started by the applicant grain (which checks the
/// applicant is at the selfie step); the applicant's selfie step reads and then consumes its result.
/// </summary>
[Alias("ekyc.ILivenessSessionGrain")]
public interface ILivenessSessionGrain : IGrainWithGuidKey
{
    /// <summary>Issues the challenge: a random ordered sequence of actions, a random nonce and the expiry.</summary>
    [Alias("Start")] Task<CommandResult<LivenessChallengeView>> StartAsync(Guid applicantId);

    /// <summary>
    /// Verifies the frames (silo-side analysis) and records the result. Replayed, mis-nonced and expired submissions are
    /// refused before any image work; reordered or stale frame times are refused and recorded as a failed session.
    /// </summary>
    [Alias("SubmitFrames")] Task<CommandResult<LivenessSessionView>> SubmitFramesAsync(Guid applicantId, LivenessFrameSubmission submission);

    /// <summary>The session's state (no nonce), or null when no session was issued under this id.</summary>
    [Alias("Get")] Task<LivenessSessionView?> GetAsync();

    /// <summary>Marks the verified session as used by the applicant's selfie; a second use is a replay.</summary>
    [Alias("Consume")] Task<CommandResult<LivenessSessionView>> ConsumeAsync(Guid applicantId);
}
