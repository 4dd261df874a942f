using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Checks;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;

namespace EKyc.Integration.Tests.Cluster;

/// <summary>
/// Drives an applicant to Approved through the grain API with literal check results: these tests are about the
/// cluster (state, reminders, failover), not about the checks, which have their own tests.
/// </summary>
internal static class Onboarding
{
    private static readonly Actor Test = new(ActorKind.Client, "cluster-test");

    public static async Task<ApplicantView> ApproveAsync(IGrainFactory grains, Guid id, RiskTier tier)
    {
        var applicant = grains.GetGrain<IApplicantGrain>(id);
        Ok(await applicant.RegisterAsync(new RegisterApplicant("Ada Maria", "Testperson", "ada.testperson@example.org", "+441632960123", tier, Test)));
        Ok(await applicant.GiveConsentAsync("2026-11", "api", Test));
        Ok(await applicant.StartCaptureAsync(Test));
        var now = DateTimeOffset.UtcNow;
        Ok(await applicant.CompleteStepAsync(VerificationStep.Document, [CheckResult.Passed("document", "test", VerificationStep.Document, now)], $"{id}-doc", Test));
        // Completing the selfie step runs the background checks (sanctions screening against the configured lists).
        var approved = Ok(await applicant.CompleteStepAsync(VerificationStep.Selfie, [CheckResult.Passed("selfie", "test", VerificationStep.Selfie, now)], $"{id}-selfie", Test));
        Assert.Equal(VerificationStage.Approved, approved.Stage);
        return approved;
    }

    private static ApplicantView Ok(EKyc.GrainInterfaces.Common.CommandResult<ApplicantView> result)
    {
        Assert.True(result.IsOk, result.Error?.Code);
        return result.Value!;
    }
}
