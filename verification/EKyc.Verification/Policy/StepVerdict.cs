namespace EKyc.Verification.Policy;

/// <summary>What the decision policy says about a step. Values are persisted: never renumber.</summary>
public enum StepVerdict
{
    Advance = 0,
    Retry = 1,
    Reject = 2,
    Review = 3,
}
