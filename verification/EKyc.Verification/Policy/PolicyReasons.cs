using EKyc.Verification.Checks;

namespace EKyc.Verification.Policy;

/// <summary>Reason codes the policy itself adds (as opposed to the checks).</summary>
public static class PolicyReasons
{
    public static readonly ReasonCode NoEvidence = new("no_check_results", ReasonCategory.NeedsReview);

    public static readonly ReasonCode AttemptsExhausted = new(
        "attempts_exhausted", ReasonCategory.NeedsReview,
        "We could not complete this step automatically; a member of our team will review your submission.");

    public static readonly ReasonCode Inconclusive = new("check_inconclusive", ReasonCategory.NeedsReview);

    public static ReasonCode RequiredCheckMissing(string check) =>
        new($"required_check_missing:{check}", ReasonCategory.NeedsReview);
}
