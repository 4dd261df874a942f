using System.Collections.Immutable;
using EKyc.Verification.Checks;

namespace EKyc.Verification.Workflow;

/// <summary>
/// The answer of the state machine: either a move (possibly to the same stage, e.g. a retry) with its reason, or a
/// refusal with a stable error code. A refusal is a value the caller must handle; it is never thrown, never ignored.
/// </summary>
public sealed record Transition
{
    public required VerificationStage From { get; init; }
    public required VerificationStage To { get; init; }
    public required string Trigger { get; init; }
    public string Reason { get; init; } = "";
    public ImmutableArray<ReasonCode> Reasons { get; init; } = [];
    public string? ErrorCode { get; init; }

    public bool IsValid => ErrorCode is null;

    public static Transition Move(VerificationStage from, VerificationStage to, WorkflowTrigger trigger, string reason, ImmutableArray<ReasonCode> reasons = default) =>
        new() { From = from, To = to, Trigger = trigger.Name, Reason = reason, Reasons = reasons.IsDefault ? [] : reasons };

    public static Transition Invalid(VerificationStage from, WorkflowTrigger trigger, string errorCode, string message) =>
        new() { From = from, To = from, Trigger = trigger.Name, Reason = message, ErrorCode = errorCode };
}
