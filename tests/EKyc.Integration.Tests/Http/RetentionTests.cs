using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>Retention and erasure with a hand-moved clock: schedules, legal holds, AML duties, the purge reminder.</summary>
public sealed class RetentionTests
{
    private static Dictionary<string, string?> FastSchedule => new()
    {
        ["Verification:Reverification:CheckInterval"] = "00:00:01",
        ["EKyc:ReminderMinimumPeriod"] = "00:00:01",
        ["EKyc:ReminderRefreshPeriod"] = "00:00:01",
    };

    [Fact]
    public async Task Withdrawn_data_is_purged_by_the_reminder_once_due_but_never_while_held()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), FastSchedule, clock);
        var http = app.CreateClient();
        var id = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, id);
        var withdrawn = await (await http.PostAsJsonAsync($"/v1/applicants/{id}/withdrawal", new { reason = "applicant asked" })).ReadObjectAsync();
        Assert.Equal(clock.GetUtcNow().AddDays(30), withdrawn["erasureDueAt"]!.GetValue<DateTimeOffset>());

        (await http.PutAsJsonAsync($"/v1/applicants/{id}/legal-hold", new { reason = "court order 12/2026" })).EnsureSuccessStatusCode();
        clock.Advance(TimeSpan.FromDays(31));
        await Task.Delay(TimeSpan.FromSeconds(4)); // several reminder ticks pass
        var held = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        Assert.Equal("Testperson", held["surname"].Text());
        var refused = await http.PostAsync($"/v1/applicants/{id}/erasure", null);
        Assert.Equal((409, "legal_hold"), await StatusAndCode(refused));

        (await http.DeleteAsync($"/v1/applicants/{id}/legal-hold")).EnsureSuccessStatusCode();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        System.Text.Json.Nodes.JsonObject view;
        do
        {
            await Task.Delay(500);
            view = await ApiScenario.GetAsync(http, $"/v1/applicants/{id}");
        }
        while (view["erasedAt"] is null && DateTime.UtcNow < deadline);
        Assert.NotNull(view["erasedAt"]);
        Assert.Equal("", view["surname"].Text());
        Assert.Equal("", view["email"].Text());
        Assert.Equal("Withdrawn", view["stage"].Text());
        Assert.Equal(2, view["consents"]!.AsArray().Count); // the record of consent outlives the data
    }

    [Fact]
    public async Task An_erasure_request_waits_for_aml_retention_after_a_decision_and_is_refused_while_active()
    {
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), clock: clock);
        var http = app.CreateClient();
        var id = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, id);
        Assert.Equal((409, "relationship_active"), await StatusAndCode(await http.PostAsync($"/v1/applicants/{id}/erasure", null)));

        // A rejection is a decision: AML record keeping applies for five years.
        var grain = app.Services.GetRequiredService<IGrainFactory>().GetGrain<EKyc.GrainInterfaces.Applicants.IApplicantGrain>(Guid.Parse(id));
        var actor = new EKyc.Verification.Workflow.Actor(EKyc.Verification.Workflow.ActorKind.Client, "test");
        var ineligible = EKyc.Verification.Checks.CheckResult.Failed("document", "test", EKyc.Verification.Checks.VerificationStep.Document, clock.GetUtcNow(),
            new EKyc.Verification.Checks.ReasonCode("document_expired", EKyc.Verification.Checks.ReasonCategory.Ineligible));
        Assert.Equal(EKyc.Verification.Workflow.VerificationStage.Rejected, (await grain.CompleteStepAsync(EKyc.Verification.Checks.VerificationStep.Document, [ineligible], "doc-1", actor)).Value!.Stage);

        Assert.Equal((409, "retention_required"), await StatusAndCode(await http.PostAsync($"/v1/applicants/{id}/erasure", null)));
        clock.Advance(TimeSpan.FromDays(1827));
        var erased = await (await http.PostAsync($"/v1/applicants/{id}/erasure", null)).ReadObjectAsync();
        Assert.NotNull(erased["erasedAt"]);
        Assert.Equal("", erased["givenNames"].Text());
        var audit = await http.GetStringAsync($"/v1/audit/applicant/{id}");
        Assert.Contains("applicant.erasure_refused", audit, StringComparison.Ordinal);
        Assert.Contains("applicant.erased", audit, StringComparison.Ordinal);
    }

    private static async Task<(int, string?)> StatusAndCode(HttpResponseMessage response)
    {
        var (status, code, _) = await response.ProblemAsync();
        return (status, code);
    }
}
