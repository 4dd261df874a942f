using EKyc.Verification.Checks;
using EKyc.Verification.Policy;

namespace EKyc.Verification.Workflow;

/// <summary>Something that may move an applicant from one stage to another.</summary>
public abstract record WorkflowTrigger
{
    /// <summary>Stable name recorded in the history.</summary>
    public abstract string Name { get; }
}

public sealed record GiveConsent(string ConsentVersion) : WorkflowTrigger
{
    public override string Name => "consent_given";
}

public sealed record StartCapture : WorkflowTrigger
{
    public override string Name => "capture_started";
}

public sealed record CompleteStep(StepDecision Decision) : WorkflowTrigger
{
    public override string Name => Decision.Step switch
    {
        VerificationStep.Document => "document_step_completed",
        VerificationStep.Selfie => "selfie_step_completed",
        _ => "background_checks_completed",
    };
}

public sealed record ReviewDecided(bool Approve, string Reason) : WorkflowTrigger
{
    public override string Name => "review_decided";
}

public sealed record RequireReverification(ReverificationSource Source, string Reason) : WorkflowTrigger
{
    public override string Name => "reverification_required";
}

public sealed record WithdrawConsent(string Reason) : WorkflowTrigger
{
    public override string Name => "consent_withdrawn";
}
