using EKyc.GrainInterfaces.Common;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;
using Orleans;

namespace EKyc.GrainInterfaces.Applicants;

/// <summary>
/// One applicant: owns the verification state machine, its history and its re-verification schedule. Every command
/// returns the applicant's view or a refusal; a refusal changes nothing.
/// </summary>
[Alias("ekyc.IApplicantGrain")]
public interface IApplicantGrain : IGrainWithGuidKey
{
    [Alias("Register")] Task<CommandResult<ApplicantView>> RegisterAsync(RegisterApplicant command);

    [Alias("GiveConsent")] Task<CommandResult<ApplicantView>> GiveConsentAsync(string consentVersion, string channel, Actor actor);

    [Alias("StartCapture")] Task<CommandResult<ApplicantView>> StartCaptureAsync(Actor actor);

    /// <summary>
    /// Applies the results of the checks of one step (produced by the check adapters) through the decision policy and
    /// the state machine. <paramref name="idempotencyKey"/> makes a retried submission return the first answer.
    /// </summary>
    [Alias("CompleteStep")] Task<CommandResult<ApplicantView>> CompleteStepAsync(VerificationStep step, IReadOnlyList<CheckResult> results, string idempotencyKey, Actor actor);

    /// <summary>
    /// Runs the document checks on an upload while capture awaits a document, stores the images encrypted, and applies
    /// the results. Refused without any processing in any other stage; a malformed image is refused and stores nothing.
    /// </summary>
    [Alias("SubmitDocument")] Task<CommandResult<ApplicantView>> SubmitDocumentAsync(DocumentSubmission submission, string idempotencyKey, Actor actor);

    /// <summary>
    /// Runs the selfie checks (quality, passive liveness, match to the document portrait, duplicate faces and, when a
    /// session is named, its challenge result) while capture awaits a selfie, stores the selfie and its face template
    /// encrypted, and applies the results. Refused without any processing in any other stage.
    /// </summary>
    [Alias("SubmitSelfie")] Task<CommandResult<ApplicantView>> SubmitSelfieAsync(SelfieSubmission submission, string idempotencyKey, Actor actor);

    /// <summary>Starts a challenge-liveness session for the selfie step (refused in any other stage).</summary>
    [Alias("StartLiveness")] Task<CommandResult<Liveness.LivenessChallengeView>> StartLivenessAsync(Actor actor);

    /// <summary>The check results of the current verification round (what the decision was made on), for reviewers.</summary>
    [Alias("GetCheckResults")] Task<IReadOnlyList<CheckResult>> GetCheckResultsAsync();

    /// <summary>The evidence stored for this applicant (ids and kinds, not content), newest first.</summary>
    [Alias("GetEvidence")] Task<IReadOnlyList<EvidenceRef>> GetEvidenceAsync();

    [Alias("Review")] Task<CommandResult<ApplicantView>> ReviewAsync(bool approve, string reason, Actor actor);

    /// <summary>
    /// Screens an approved applicant again (the sanctions lists changed): a hit makes re-verification due with the
    /// hit's reason codes; no hit records that the applicant was re-screened. Other stages are left alone.
    /// </summary>
    [Alias("Rescreen")] Task<CommandResult<ApplicantView>> RescreenAsync(Actor actor);

    [Alias("RequireReverification")] Task<CommandResult<ApplicantView>> RequireReverificationAsync(ReverificationSource source, string reason, Actor actor);

    [Alias("WithdrawConsent")] Task<CommandResult<ApplicantView>> WithdrawConsentAsync(string reason, Actor actor);

    [Alias("LinkAccount")] Task<CommandResult<ApplicantView>> LinkAccountAsync(string accountId, Actor actor);

    /// <summary>Erase the applicant's personal data now, if no legal hold or retention duty stands in the way.</summary>
    [Alias("RequestErasure")] Task<CommandResult<ApplicantView>> RequestErasureAsync(Actor actor);

    /// <summary>Place (reason given) or lift (reason null) a legal hold: held data is never erased.</summary>
    [Alias("SetLegalHold")] Task<CommandResult<ApplicantView>> SetLegalHoldAsync(string? reason, Actor actor);

    [Alias("Get")] Task<ApplicantView?> GetAsync();
}
