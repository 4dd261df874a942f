using EKyc.Verification.Checks;
using EKyc.Verification.Policy;
using EKyc.Verification.Workflow;
using S = EKyc.Verification.Workflow.VerificationStage;

namespace EKyc.Verification.Tests;

public class StateMachineTests
{
    private static CompleteStep Step(VerificationStep step, StepVerdict verdict) => new(new StepDecision(step, verdict, [], "test"));

    public static TheoryData<S, string, S> Moves => new()
    {
        { S.Registered, "consent", S.ConsentGiven },
        { S.ConsentGiven, "start", S.AwaitingDocuments },
        { S.ReverificationDue, "start", S.AwaitingDocuments },
        { S.AwaitingDocuments, "doc:Advance", S.AwaitingSelfie },
        { S.AwaitingDocuments, "doc:Retry", S.AwaitingDocuments },
        { S.AwaitingDocuments, "doc:Reject", S.Rejected },
        { S.AwaitingDocuments, "doc:Review", S.ManualReview },
        { S.AwaitingSelfie, "selfie:Advance", S.UnderVerification },
        { S.AwaitingSelfie, "selfie:Retry", S.AwaitingSelfie },
        { S.AwaitingSelfie, "selfie:Reject", S.Rejected },
        { S.AwaitingSelfie, "selfie:Review", S.ManualReview },
        { S.UnderVerification, "background:Advance", S.Approved },
        { S.UnderVerification, "background:Reject", S.Rejected },
        { S.UnderVerification, "background:Review", S.ManualReview },
        { S.UnderVerification, "background:Retry", S.ManualReview },
        { S.ManualReview, "approve", S.Approved },
        { S.ManualReview, "reject", S.Rejected },
        { S.Approved, "rekyc:PeriodicSchedule", S.ReverificationDue },
        { S.Approved, "rekyc:DocumentExpiry", S.ReverificationDue },
        { S.Approved, "rekyc:AccountFlag", S.ReverificationDue },
        { S.Approved, "rekyc:ClientRequest", S.ReverificationDue },
        { S.AwaitingDocuments, "rekyc:AccountFlag", S.ReverificationDue },
        { S.ConsentGiven, "rekyc:AccountFlag", S.ReverificationDue },
        { S.UnderVerification, "rekyc:AccountFlag", S.ReverificationDue },
        { S.Registered, "withdraw", S.Withdrawn },
        { S.Approved, "withdraw", S.Withdrawn },
        { S.ManualReview, "withdraw", S.Withdrawn },
        { S.ReverificationDue, "withdraw", S.Withdrawn },
    };

    public static TheoryData<S, string, string> Refusals => new()
    {
        { S.Registered, "start", WorkflowErrors.ConsentRequired },
        { S.Registered, "rekyc:AccountFlag", WorkflowErrors.ConsentRequired },
        { S.ConsentGiven, "consent", WorkflowErrors.InvalidTransition },
        { S.Approved, "consent", WorkflowErrors.InvalidTransition },
        { S.AwaitingDocuments, "selfie:Advance", WorkflowErrors.WrongStep },
        { S.AwaitingSelfie, "doc:Advance", WorkflowErrors.WrongStep },
        { S.Approved, "doc:Advance", WorkflowErrors.InvalidTransition },
        { S.AwaitingDocuments, "start", WorkflowErrors.InvalidTransition },
        { S.Approved, "approve", WorkflowErrors.InvalidTransition },
        { S.Rejected, "rekyc:ClientRequest", WorkflowErrors.InvalidTransition },
        { S.AwaitingDocuments, "rekyc:ClientRequest", WorkflowErrors.InvalidTransition },
        { S.AwaitingDocuments, "rekyc:PeriodicSchedule", WorkflowErrors.InvalidTransition },
        { S.ManualReview, "rekyc:AccountFlag", WorkflowErrors.InvalidTransition },
        { S.ReverificationDue, "rekyc:AccountFlag", WorkflowErrors.AlreadyDue },
        { S.Withdrawn, "consent", WorkflowErrors.Withdrawn },
        { S.Withdrawn, "withdraw", WorkflowErrors.Withdrawn },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void Allowed_moves(S from, string trigger, S to)
    {
        var transition = VerificationStateMachine.Decide(from, Parse(trigger));
        Assert.True(transition.IsValid, transition.Reason);
        Assert.Equal(from, transition.From);
        Assert.Equal(to, transition.To);
    }

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Refused_moves_keep_the_stage_and_carry_a_stable_code(S from, string trigger, string code)
    {
        var transition = VerificationStateMachine.Decide(from, Parse(trigger));
        Assert.False(transition.IsValid);
        Assert.Equal(code, transition.ErrorCode);
        Assert.Equal(from, transition.To);
        Assert.False(string.IsNullOrWhiteSpace(transition.Reason));
    }

    [Fact]
    public void Every_stage_and_trigger_pair_gets_an_answer()
    {
        string[] triggers = ["consent", "start", "doc:Advance", "selfie:Retry", "background:Review", "approve", "rekyc:ClientRequest", "rekyc:AccountFlag", "withdraw"];
        foreach (var stage in Enum.GetValues<S>())
        {
            foreach (var trigger in triggers)
            {
                var transition = VerificationStateMachine.Decide(stage, Parse(trigger));
                Assert.True(transition.IsValid || transition.ErrorCode is not null);
                Assert.True(transition.IsValid || transition.To == stage);
            }
        }
    }

    private static WorkflowTrigger Parse(string trigger)
    {
        var parts = trigger.Split(':');
        return parts[0] switch
        {
            "consent" => new GiveConsent("v1"),
            "start" => new StartCapture(),
            "doc" => Step(VerificationStep.Document, Enum.Parse<StepVerdict>(parts[1])),
            "selfie" => Step(VerificationStep.Selfie, Enum.Parse<StepVerdict>(parts[1])),
            "background" => Step(VerificationStep.Background, Enum.Parse<StepVerdict>(parts[1])),
            "approve" => new ReviewDecided(true, "documents verified by reviewer"),
            "reject" => new ReviewDecided(false, "document altered"),
            "rekyc" => new RequireReverification(Enum.Parse<ReverificationSource>(parts[1]), "test"),
            "withdraw" => new WithdrawConsent("applicant request"),
            _ => throw new ArgumentOutOfRangeException(nameof(trigger), trigger, null),
        };
    }
}
