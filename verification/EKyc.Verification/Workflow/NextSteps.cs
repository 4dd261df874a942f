namespace EKyc.Verification.Workflow;

/// <summary>What the applicant (or a reviewer) must do next in each stage, as stable step names for clients.</summary>
public static class NextSteps
{
    public static IReadOnlyList<string> For(VerificationStage stage) => stage switch
    {
        VerificationStage.Registered => ["give_consent"],
        VerificationStage.ConsentGiven => ["start_capture"],
        VerificationStage.AwaitingDocuments => ["submit_document"],
        VerificationStage.AwaitingSelfie => ["submit_selfie"],
        VerificationStage.UnderVerification => ["await_background_checks"],
        VerificationStage.ManualReview => ["await_manual_review"],
        VerificationStage.ReverificationDue => ["start_capture"],
        _ => [],
    };
}
