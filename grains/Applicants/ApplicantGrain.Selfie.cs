using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.GrainInterfaces.Liveness;
using EKyc.Grains.Ports;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.Logging;
using Orleans;

namespace EKyc.Grains.Applicants;

/// <summary>
/// The selfie step: the face checks run silo-side against the newest document portrait and, when named, a completed
/// challenge-liveness session; the selfie and its face template are kept encrypted; the policy decides.
/// </summary>
public sealed partial class ApplicantGrain
{
    private const string PortraitKind = "document_portrait";

    public async Task<CommandResult<LivenessChallengeView>> StartLivenessAsync(Actor actor)
    {
        if (!S.Exists || S.ErasedAt is not null || Hidden(actor))
            return CommandResult<LivenessChallengeView>.Fail(ErrorKind.NotFound, "applicant_not_found", "No applicant has this id.");
        if (S.Stage != VerificationStage.AwaitingSelfie)
            return CommandResult<LivenessChallengeView>.Fail(ErrorKind.Conflict, WorkflowErrors.WrongStep, $"A liveness challenge is not expected while the applicant is {S.Stage}.");
        var sessionId = Guid.NewGuid();
        var started = await GrainFactory.GetGrain<ILivenessSessionGrain>(sessionId).StartAsync(this.GetPrimaryKey());
        if (started.IsOk) await AuditAsync(actor, "applicant.liveness_started", $"session={sessionId}");
        return started;
    }

    public async Task<CommandResult<ApplicantView>> SubmitSelfieAsync(SelfieSubmission submission, string idempotencyKey, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!S.Exists || S.ErasedAt is not null || Hidden(actor)) return NotFound();
        if (string.IsNullOrWhiteSpace(idempotencyKey)) return Refuse(ErrorKind.Validation, "idempotency_key_required", "An idempotency key is required.");
        if (S.Replays.Find(r => r.Key == idempotencyKey) is { } replay)
        {
            return replay.ErrorCode is null ? Ok() : Refuse(ErrorKind.Conflict, replay.ErrorCode, "This submission was already refused.");
        }
        // Refuse before any work: a selfie in the wrong stage must not be processed or stored.
        if (S.Stage != VerificationStage.AwaitingSelfie)
        {
            return Refuse(ErrorKind.Conflict, WorkflowErrors.WrongStep, $"A selfie is not expected while the applicant is {S.Stage}.");
        }
        if (submission.Selfie is not { Length: > 0 }) return Refuse(ErrorKind.Validation, "selfie_image_required", "The selfie image is required.");

        var me = this.GetPrimaryKey();
        ILivenessSessionGrain? session = null;
        ChallengeEvidence? challenge = null;
        if (submission.LivenessSessionId is { } sessionId)
        {
            session = GrainFactory.GetGrain<ILivenessSessionGrain>(sessionId);
            var view = await session.GetAsync();
            if (view is null || view.ApplicantId != me)
                return Refuse(ErrorKind.NotFound, LivenessErrors.SessionNotFound, "No liveness session has this id for this applicant.");
            if (view.UsedBySelfie) return Refuse(ErrorKind.Conflict, LivenessErrors.Replayed, "This liveness session was already used by a selfie; start a new one.");
            if (view.Status == LivenessSessionStatus.Expired) return Refuse(ErrorKind.Conflict, LivenessErrors.Expired, "The liveness challenge expired before it was answered; start a new one.");
            if (view.Status == LivenessSessionStatus.Issued) return Refuse(ErrorKind.Conflict, LivenessErrors.SessionIncomplete, "Submit the challenge frames before the selfie.");
            var template = view.TemplateEvidenceId is { } templateId
                ? (await evidence.GetAsync(me, templateId, CancellationToken.None))?.Content
                : null;
            challenge = new ChallengeEvidence(view.Status == LivenessSessionStatus.Passed, view.Codes, template);
        }
        else if (livenessOptions.Value.RequireChallenge)
        {
            return Refuse(ErrorKind.Validation, LivenessErrors.SessionRequired, "A selfie must name a completed liveness session (livenessSessionId).");
        }

        // The newest portrait: S.Evidence is newest first.
        var portraitRef = S.Evidence.Find(e => e.Kind == PortraitKind);
        var portrait = portraitRef is null ? null : (await evidence.GetAsync(me, portraitRef.Id, CancellationToken.None))?.Content;

        var outcome = await faceChecks.VerifySelfieAsync(new SelfieCheckRequest(me, submission.Selfie, portrait, challenge), CancellationToken.None);
        if (outcome.RefusalCode is { } code)
        {
            return Refuse(outcome.RefusalTooLarge ? ErrorKind.TooLarge : ErrorKind.Validation, code, outcome.RefusalMessage ?? code);
        }
        if (session is not null)
        {
            // Used once: a later selfie needs a new challenge.
            var consumed = await session.ConsumeAsync(me);
            if (!consumed.IsOk) return CommandResult<ApplicantView>.Fail(consumed.Error!);
        }

        foreach (var item in outcome.Evidence)
        {
            var id = await evidence.PutAsync(me, item.Kind, item.ContentType, item.Content, CancellationToken.None);
            S.Evidence.Insert(0, new EvidenceRef(id, item.Kind, clock.GetUtcNow()));
        }
        if (S.Evidence.Count > MaxEvidence) S.Evidence.RemoveRange(MaxEvidence, S.Evidence.Count - MaxEvidence);
        LogSelfieChecked(logger, me, outcome.Results.Count(r => r.Outcome != CheckOutcome.Pass), challenge is not null);
        return await CompleteStepAsync(VerificationStep.Selfie, outcome.Results, idempotencyKey, actor);
    }

    [LoggerMessage(EventId = 1005, Level = LogLevel.Information, Message = "Applicant {ApplicantId} selfie checked: {NotPassed} check(s) not passed, challenge session {WithChallenge}")]
    private static partial void LogSelfieChecked(ILogger logger, Guid applicantId, int notPassed, bool withChallenge);
}
