using EKyc.GrainInterfaces.Applicants;
using EKyc.GrainInterfaces.Common;
using EKyc.Grains.Ports;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;

namespace EKyc.Grains.Applicants;

/// <summary>Capture uploads: run the checks silo-side, keep the evidence encrypted, then decide through the policy.</summary>
public sealed partial class ApplicantGrain
{
    private const int MaxEvidence = 200;

    public async Task<CommandResult<ApplicantView>> SubmitDocumentAsync(DocumentSubmission submission, string idempotencyKey, Actor actor)
    {
        ArgumentNullException.ThrowIfNull(submission);
        if (!S.Exists || S.ErasedAt is not null || Hidden(actor)) return NotFound();
        if (string.IsNullOrWhiteSpace(idempotencyKey)) return Refuse(ErrorKind.Validation, "idempotency_key_required", "An idempotency key is required.");
        if (S.Replays.Find(r => r.Key == idempotencyKey) is { } replay)
        {
            return replay.ErrorCode is null ? Ok() : Refuse(ErrorKind.Conflict, replay.ErrorCode, "This submission was already refused.");
        }
        // Refuse before any work: an upload in the wrong stage must not be processed or stored.
        if (S.Stage != VerificationStage.AwaitingDocuments)
        {
            return Refuse(ErrorKind.Conflict, WorkflowErrors.WrongStep, $"A document is not expected while the applicant is {S.Stage}.");
        }

        var outcome = await documentChecks.VerifyAsync(submission, S.GivenNames, S.Surname, S.BirthDate, CancellationToken.None);
        if (outcome.RefusalCode is { } code)
        {
            return Refuse(outcome.RefusalTooLarge ? ErrorKind.TooLarge : ErrorKind.Validation, code, outcome.RefusalMessage ?? code);
        }

        foreach (var item in outcome.Evidence)
        {
            var id = await evidence.PutAsync(this.GetPrimaryKey(), item.Kind, item.ContentType, item.Content, CancellationToken.None);
            S.Evidence.Insert(0, new EvidenceRef(id, item.Kind, clock.GetUtcNow()));
        }
        if (S.Evidence.Count > MaxEvidence) S.Evidence.RemoveRange(MaxEvidence, S.Evidence.Count - MaxEvidence);
        return await CompleteStepAsync(VerificationStep.Document, outcome.Results, idempotencyKey, actor);
    }

    public Task<IReadOnlyList<CheckResult>> GetCheckResultsAsync() => Task.FromResult<IReadOnlyList<CheckResult>>([.. S.RoundResults]);

    public Task<IReadOnlyList<EvidenceRef>> GetEvidenceAsync() => Task.FromResult<IReadOnlyList<EvidenceRef>>([.. S.Evidence]);
}
