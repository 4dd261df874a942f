using EKyc.Verification.Checks;
using EKyc.Verification.Policy;

namespace EKyc.Verification.Tests;

public class DecisionPolicyTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);
    private static readonly ReasonCode Glare = new("glare", ReasonCategory.Retryable, "Avoid glare: tilt the document");
    private static readonly ReasonCode Blur = new("blur", ReasonCategory.Retryable, "Hold still");
    private static readonly ReasonCode Expired = new("document_expired", ReasonCategory.Ineligible, "Use a document that has not expired");
    private static readonly ReasonCode VizMismatch = new("viz_mrz_mismatch", ReasonCategory.FraudSignal);
    private static readonly ReasonCode Hit = new("sanctions_possible_match", ReasonCategory.NeedsReview);
    private static readonly ReasonCode Info = new("mrz_repaired", ReasonCategory.Notice);

    private static DecisionPolicy Policy(int maxAttempts = 3, Dictionary<string, string[]>? required = null) =>
        new(new DecisionPolicyOptions { Version = "test-1", MaxAttemptsPerStep = maxAttempts, RequiredChecks = required ?? [] });

    private static CheckResult Pass(string name, VerificationStep step = VerificationStep.Document) => CheckResult.Passed(name, "1", step, At);

    private static CheckResult Fail(string name, params ReasonCode[] reasons) => CheckResult.Failed(name, "1", VerificationStep.Document, At, reasons);

    [Fact]
    public void All_passing_checks_advance_and_carry_the_policy_version()
    {
        var decision = Policy().Evaluate(VerificationStep.Document, [Pass("quality"), Pass("mrz")], attempt: 1);
        Assert.Equal(StepVerdict.Advance, decision.Verdict);
        Assert.Equal("test-1", decision.PolicyVersion);
        Assert.Empty(decision.Reasons);
    }

    [Fact]
    public void Notices_do_not_block_but_are_kept()
    {
        var withNotice = Pass("mrz") with { Reasons = [Info] };
        var decision = Policy().Evaluate(VerificationStep.Document, [withNotice], attempt: 1);
        Assert.Equal(StepVerdict.Advance, decision.Verdict);
        Assert.Equal(["mrz_repaired"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Retryable_failures_ask_for_a_retry_with_deduplicated_guidance()
    {
        var decision = Policy().Evaluate(VerificationStep.Document, [Fail("quality", Glare, Blur), Fail("mrz", Glare)], attempt: 1);
        Assert.Equal(StepVerdict.Retry, decision.Verdict);
        Assert.Equal(["Avoid glare: tilt the document", "Hold still"], decision.Guidance);
    }

    [Fact]
    public void Retryable_failures_on_the_last_attempt_go_to_review()
    {
        var decision = Policy(maxAttempts: 2).Evaluate(VerificationStep.Document, [Fail("quality", Glare)], attempt: 2);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
        Assert.Contains(decision.Reasons, r => r.Code == "attempts_exhausted");
    }

    [Fact]
    public void Ineligibility_rejects_even_with_retryable_problems()
    {
        var decision = Policy().Evaluate(VerificationStep.Document, [Fail("quality", Glare), Fail("mrz", Expired)], attempt: 1);
        Assert.Equal(StepVerdict.Reject, decision.Verdict);
    }

    [Fact]
    public void A_fraud_signal_outranks_ineligibility()
    {
        var decision = Policy().Evaluate(VerificationStep.Document, [Fail("mrz", Expired), Fail("viz", VizMismatch)], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
    }

    [Fact]
    public void Needs_review_outranks_retry()
    {
        var decision = Policy().Evaluate(VerificationStep.Document, [Fail("quality", Glare), Fail("screening", Hit)], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
    }

    [Fact]
    public void Inconclusive_without_reasons_goes_to_review()
    {
        var undecided = CheckResult.Undecided("face_match", "1", VerificationStep.Selfie, At);
        var decision = Policy().Evaluate(VerificationStep.Selfie, [undecided], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
        Assert.Equal(["check_inconclusive"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Inconclusive_with_retryable_reason_is_not_retried()
    {
        var undecided = CheckResult.Undecided("face_match", "1", VerificationStep.Selfie, At, Blur);
        var decision = Policy().Evaluate(VerificationStep.Selfie, [undecided], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
    }

    [Fact]
    public void Results_of_other_steps_are_ignored_and_no_evidence_means_review()
    {
        var decision = Policy().Evaluate(VerificationStep.Selfie, [Pass("mrz")], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
        Assert.Equal(["no_check_results"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void A_missing_required_check_prevents_advancing()
    {
        var policy = Policy(required: new() { ["Document"] = ["quality", "mrz"] });
        var decision = policy.Evaluate(VerificationStep.Document, [Pass("quality")], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
        Assert.Equal(["required_check_missing:mrz"], decision.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void Background_checks_are_never_retried()
    {
        var result = CheckResult.Failed("screening", "1", VerificationStep.Background, At, Glare);
        var decision = Policy().Evaluate(VerificationStep.Background, [result], attempt: 1);
        Assert.Equal(StepVerdict.Review, decision.Verdict);
    }
}
