using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Checks;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;

namespace EKyc.Integration.Tests.Support;

/// <summary>
/// Drives an applicant grain through registration, consent and passing document and selfie steps, so the background
/// checks run and decide; returns the view after that decision.
/// </summary>
internal static class CaptureScenario
{
    public static async Task<ApplicantView> CompleteCaptureAsync(IApplicantGrain grain, string given, string surname, Actor actor)
    {
        await grain.RegisterAsync(new RegisterApplicant(given, surname, "applicant@example.org", "+441632960123", RiskTier.Medium, actor));
        await grain.GiveConsentAsync("2026-11", "api", actor);
        await grain.StartCaptureAsync(actor);
        var now = DateTimeOffset.UtcNow;
        await grain.CompleteStepAsync(VerificationStep.Document, [CheckResult.Passed("document", "test", VerificationStep.Document, now)], "doc", actor);
        return (await grain.CompleteStepAsync(VerificationStep.Selfie, [CheckResult.Passed("selfie", "test", VerificationStep.Selfie, now)], "selfie", actor)).Value!;
    }
}
