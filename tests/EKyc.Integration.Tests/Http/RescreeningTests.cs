using EKyc.GrainInterfaces.Applicants;
using EKyc.Integration.Tests.Support;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace EKyc.Integration.Tests.Http;

/// <summary>A sanctions list update re-screens approved applicants: a new hit makes re-verification due.</summary>
public sealed class RescreeningTests
{
    private static readonly Actor Test = new(ActorKind.Client, "rescreen-test");

    [Fact]
    public async Task An_approved_applicant_newly_listed_is_due_for_reverification_after_the_list_changes()
    {
        // The labelled sample list of invented parties, first without "Test Person One", then with it.
        var original = await File.ReadAllTextAsync(ScreeningLists.FormatSample);
        var listFile = Path.Combine(EmbeddedApp.NewDataDirectory(), "eu.xml");
        await File.WriteAllTextAsync(listFile, original.Replace("Test Person One", "Placeholder Party Absent", StringComparison.Ordinal)
            .Replace("firstName=\"Test\" middleName=\"Person\" lastName=\"One\"", "firstName=\"\" middleName=\"\" lastName=\"\"", StringComparison.Ordinal)
            .Replace("Tëst Pêrson Uno", "Placeholder Party Absent", StringComparison.Ordinal));
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?>
        {
            ["Screening:EuXmlFile"] = listFile,
            ["Screening:CheckInterval"] = "00:00:00.500",
        });
        _ = app.CreateClient();
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(Guid.NewGuid());
        var approved = await CaptureScenario.CompleteCaptureAsync(grain, "Test Person", "One", Test);
        Assert.Equal(VerificationStage.Approved, approved.Stage);

        await File.WriteAllTextAsync(listFile, original);
        File.SetLastWriteTimeUtc(listFile, DateTime.UtcNow.AddSeconds(5));
        var deadline = DateTime.UtcNow.AddSeconds(20);
        ApplicantView? view;
        do
        {
            await Task.Delay(250);
            view = await grain.GetAsync();
        }
        while (view!.Stage == VerificationStage.Approved && DateTime.UtcNow < deadline);

        Assert.Equal(VerificationStage.ReverificationDue, view.Stage);
        Assert.Equal(ReverificationSource.ScreeningListChange, view.ReverificationReason);
        Assert.Contains("sanctions_strong_match", view.History[^1].Reason, StringComparison.Ordinal);
    }
}
