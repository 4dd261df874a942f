using EKyc.GrainInterfaces.Applicants;
using EKyc.Integration.Tests.Support;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace EKyc.Integration.Tests.Http;

/// <summary>Screening runs as the background check once capture is complete, and decides with the policy.</summary>
public sealed class BackgroundScreeningTests
{
    private static readonly Actor Test = new(ActorKind.Client, "screening-test");

    [Theory]
    [InlineData("Ada Maria", "Testperson", true, "Approved", null)]
    [InlineData("Test Person", "One", true, "ManualReview", "sanctions_strong_match")]
    [InlineData("Ada Maria", "Testperson", false, "ManualReview", "screening_lists_unavailable")]
    public async Task Capture_complete_runs_screening_and_the_policy_decides(string given, string surname, bool listsConfigured, string stage, string? code)
    {
        var settings = new Dictionary<string, string?>();
        if (listsConfigured) settings["Screening:EuXmlFile"] = ScreeningLists.FormatSample;
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), settings);
        _ = app.CreateClient();
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(Guid.NewGuid());
        var view = await CaptureScenario.CompleteCaptureAsync(grain, given, surname, Test);

        Assert.Equal(stage, view.Stage.ToString());
        Assert.Equal("background_checks_completed", view.History[^1].Trigger);
        if (code is null) Assert.DoesNotContain(view.ReasonCodes, c => c.StartsWith("sanctions_strong", StringComparison.Ordinal));
        else Assert.Contains(code, view.ReasonCodes);
    }
}
