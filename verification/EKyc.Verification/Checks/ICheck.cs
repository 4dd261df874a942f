namespace EKyc.Verification.Checks;

/// <summary>
/// The contract every check implements: a name and version recorded with its result, the step it belongs to, and
/// an evaluation over its evidence. A check never throws for bad evidence: it returns Fail or Inconclusive with
/// reason codes, because a failed check is normal data, not an error.
/// </summary>
public interface ICheck<in TEvidence>
{
    string Name { get; }

    string Version { get; }

    VerificationStep Step { get; }

    ValueTask<CheckResult> EvaluateAsync(TEvidence evidence, CancellationToken cancellationToken);
}
