using EKyc.Verification.Checks;
using EKyc.Verification.Policy;

namespace EKyc.Verification.Workflow;

/// <summary>
/// The verification state machine as one exhaustive pure function. Every stage × trigger pair not listed is refused
/// with a stable code; the caller persists nothing for a refusal.
/// </summary>
public static class VerificationStateMachine
{
    public static Transition Decide(VerificationStage stage, WorkflowTrigger trigger)
    {
        ArgumentNullException.ThrowIfNull(trigger);
        return (stage, trigger) switch
        {
            (VerificationStage.Withdrawn, _) =>
                Transition.Invalid(stage, trigger, WorkflowErrors.Withdrawn, "Consent was withdrawn; the applicant can no longer be processed."),
            (_, WithdrawConsent w) =>
                Transition.Move(stage, VerificationStage.Withdrawn, trigger, w.Reason),

            (VerificationStage.Registered, GiveConsent c) =>
                Transition.Move(stage, VerificationStage.ConsentGiven, trigger, $"consent text version {c.ConsentVersion}"),
            (VerificationStage.Registered, _) =>
                Transition.Invalid(stage, trigger, WorkflowErrors.ConsentRequired, "Consent must be recorded before anything else."),

            (VerificationStage.ConsentGiven or VerificationStage.ReverificationDue, StartCapture) =>
                Transition.Move(stage, VerificationStage.AwaitingDocuments, trigger, "document capture can begin"),

            (VerificationStage.AwaitingDocuments, CompleteStep { Decision.Step: VerificationStep.Document } s) =>
                AfterCaptureStep(stage, VerificationStage.AwaitingSelfie, s),
            (VerificationStage.AwaitingSelfie, CompleteStep { Decision.Step: VerificationStep.Selfie } s) =>
                AfterCaptureStep(stage, VerificationStage.UnderVerification, s),
            (VerificationStage.UnderVerification, CompleteStep { Decision.Step: VerificationStep.Background } s) =>
                AfterBackground(stage, s),
            (VerificationStage.AwaitingDocuments or VerificationStage.AwaitingSelfie or VerificationStage.UnderVerification, CompleteStep s) =>
                Transition.Invalid(stage, trigger, WorkflowErrors.WrongStep, $"A {s.Decision.Step} result does not belong to stage {stage}."),

            (VerificationStage.ManualReview, ReviewDecided r) =>
                Transition.Move(stage, r.Approve ? VerificationStage.Approved : VerificationStage.Rejected, trigger, r.Reason),

            (VerificationStage.Approved, RequireReverification r) =>
                Transition.Move(stage, VerificationStage.ReverificationDue, trigger, r.Reason),
            // A risk flag during onboarding invalidates the evidence gathered so far: start again with fresh evidence.
            (VerificationStage.ConsentGiven or VerificationStage.AwaitingDocuments or VerificationStage.AwaitingSelfie
                or VerificationStage.UnderVerification, RequireReverification { Source: ReverificationSource.AccountFlag } r) =>
                Transition.Move(stage, VerificationStage.ReverificationDue, trigger, r.Reason),
            (VerificationStage.ReverificationDue, RequireReverification) =>
                Transition.Invalid(stage, trigger, WorkflowErrors.AlreadyDue, "Re-verification is already due."),

            _ => Transition.Invalid(stage, trigger, WorkflowErrors.InvalidTransition, $"'{trigger.Name}' is not allowed while the applicant is {stage}."),
        };
    }

    private static Transition AfterCaptureStep(VerificationStage stage, VerificationStage next, CompleteStep step) =>
        step.Decision.Verdict switch
        {
            StepVerdict.Advance => Transition.Move(stage, next, step, $"{step.Decision.Step} checks passed", step.Decision.Reasons),
            StepVerdict.Retry => Transition.Move(stage, stage, step, $"{step.Decision.Step} must be captured again", step.Decision.Reasons),
            StepVerdict.Reject => Transition.Move(stage, VerificationStage.Rejected, step, $"{step.Decision.Step} checks rejected the applicant", step.Decision.Reasons),
            _ => Transition.Move(stage, VerificationStage.ManualReview, step, $"{step.Decision.Step} checks need a reviewer", step.Decision.Reasons),
        };

    private static Transition AfterBackground(VerificationStage stage, CompleteStep step) =>
        step.Decision.Verdict switch
        {
            StepVerdict.Advance => Transition.Move(stage, VerificationStage.Approved, step, "all checks passed", step.Decision.Reasons),
            StepVerdict.Reject => Transition.Move(stage, VerificationStage.Rejected, step, "background checks rejected the applicant", step.Decision.Reasons),
            _ => Transition.Move(stage, VerificationStage.ManualReview, step, "background checks need a reviewer", step.Decision.Reasons),
        };
}
