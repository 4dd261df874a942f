namespace EKyc.Verification.Workflow;

/// <summary>Stable error codes of refused transitions; the API maps them to HTTP 409.</summary>
public static class WorkflowErrors
{
    public const string InvalidTransition = "invalid_transition";
    public const string ConsentRequired = "consent_required";
    public const string Withdrawn = "applicant_withdrawn";
    public const string WrongStep = "wrong_step";
    public const string AlreadyDue = "reverification_already_due";
}
