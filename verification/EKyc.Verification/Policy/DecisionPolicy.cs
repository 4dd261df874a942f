using System.Collections.Immutable;
using EKyc.Verification.Checks;

namespace EKyc.Verification.Policy;

/// <summary>
/// Combines check results into a verdict for a step. It acts on outcomes and reason categories only, so a new check
/// plugs in by returning results; nothing here changes. Precedence, strongest first: a fraud signal sends the case to
/// a person (fraud attempts deserve human eyes even when the document is also expired), then ineligibility rejects,
/// then anything undecided goes to review, then retryable problems ask the applicant to try again while attempts
/// remain. Only when every check passed (and every required check ran) does the step advance.
/// </summary>
public sealed class DecisionPolicy(DecisionPolicyOptions options)
{
    public string Version => options.Version;

    public StepDecision Evaluate(VerificationStep step, IReadOnlyCollection<CheckResult> results, int attempt)
    {
        ArgumentNullException.ThrowIfNull(results);
        var relevant = results.Where(r => r.Step == step).ToList();
        if (relevant.Count == 0) return Decide(step, StepVerdict.Review, [PolicyReasons.NoEvidence]);

        var reasons = ImmutableArray.CreateBuilder<ReasonCode>();
        foreach (var missing in MissingRequired(step, relevant)) reasons.Add(PolicyReasons.RequiredCheckMissing(missing));
        foreach (var result in relevant)
        {
            if (result.Outcome == CheckOutcome.Pass)
            {
                // A passing check may still report notices (e.g. an MRZ repaired by its check digits): keep them.
                reasons.AddRange(result.Reasons.Where(r => r.Category == ReasonCategory.Notice));
                continue;
            }
            if (result.Reasons.IsDefaultOrEmpty)
            {
                reasons.Add(result.Outcome == CheckOutcome.Inconclusive
                    ? PolicyReasons.Inconclusive
                    : new ReasonCode($"{result.CheckName}_failed", ReasonCategory.NeedsReview));
                continue;
            }
            reasons.AddRange(result.Outcome == CheckOutcome.Inconclusive
                ? result.Reasons.Select(AtLeastReview)
                : result.Reasons);
        }

        var blocking = reasons.Where(r => r.Category != ReasonCategory.Notice).ToList();
        if (blocking.Count == 0) return Decide(step, StepVerdict.Advance, reasons.ToImmutable());
        if (blocking.Exists(r => r.Category == ReasonCategory.FraudSignal)) return Decide(step, StepVerdict.Review, reasons.ToImmutable());
        if (blocking.Exists(r => r.Category == ReasonCategory.Ineligible)) return Decide(step, StepVerdict.Reject, reasons.ToImmutable());
        if (blocking.Exists(r => r.Category == ReasonCategory.NeedsReview)) return Decide(step, StepVerdict.Review, reasons.ToImmutable());

        // Only retryable problems remain. Background checks have nothing the applicant can retry.
        if (step != VerificationStep.Background && attempt < options.MaxAttemptsPerStep)
        {
            return Decide(step, StepVerdict.Retry, reasons.ToImmutable());
        }
        reasons.Add(PolicyReasons.AttemptsExhausted);
        return Decide(step, StepVerdict.Review, reasons.ToImmutable());
    }

    private IEnumerable<string> MissingRequired(VerificationStep step, List<CheckResult> relevant)
    {
        if (!options.RequiredChecks.TryGetValue(step.ToString(), out var required)) return [];
        return required.Where(name => !relevant.Exists(r => string.Equals(r.CheckName, name, StringComparison.Ordinal)));
    }

    // An inconclusive check cannot justify a retry or a rejection on its own: a person decides.
    private static ReasonCode AtLeastReview(ReasonCode reason) =>
        reason.Category is ReasonCategory.Retryable or ReasonCategory.Notice
            ? reason with { Category = ReasonCategory.NeedsReview }
            : reason;

    private StepDecision Decide(VerificationStep step, StepVerdict verdict, ImmutableArray<ReasonCode> reasons) =>
        new(step, verdict, reasons, options.Version);
}
