using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EKyc.GrainInterfaces.Applicants;
using EKyc.Verification.Checks;
using EKyc.Verification.Schedule;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace EKyc.Browser.Tests;

/// <summary>The three kinds of people, each through their page in a real headless Chromium.</summary>
public sealed class PageTests(LiveApp live) : IClassFixture<LiveApp>
{
    [Fact]
    public async Task Applicant_registers_and_consents_and_sees_the_next_step()
    {
        live.SkipUnlessReady();
        var page = await live.NewPageAsync();
        await page.GotoAsync($"{live.BaseUrl}/app/applicant/");
        await Accessibility.AssertAccessibleAsync(page);

        // A bad phone number is refused with the service's own message, and nothing is created.
        await page.GetByLabel("Given names").FillAsync("Ada Maria");
        await page.GetByLabel("Surname").FillAsync("Testperson");
        await page.GetByLabel("Email").FillAsync("ada.testperson@example.org");
        await page.GetByLabel("Mobile phone").FillAsync("01632 960123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("invalid_phone");

        await page.GetByLabel("Mobile phone").FillAsync("+441632960123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "2. Your consent" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);
        var give = page.GetByRole(AriaRole.Button, new() { Name = "Give consent" });
        await Assertions.Expect(give).ToBeDisabledAsync();
        await page.GetByLabel("I agree to the processing described above.").CheckAsync();
        await give.ClickAsync();

        await Assertions.Expect(page.Locator("#stage")).ToHaveTextAsync("AwaitingDocuments");
        await Assertions.Expect(page.Locator("#guidance")).ToContainTextAsync("Photograph your identity document");
        await LiveApp.ScreenshotAsync(page, "applicant-status");

        var id = await page.Locator("#applicant-ref").TextContentAsync();
        var stored = await live.Http.GetFromJsonAsync<JsonObject>($"/v1/applicants/{id}");
        Assert.Equal("AwaitingDocuments", stored!["stage"]!.GetValue<string>());
        Assert.Equal("2026-11", stored["consentVersion"]!.GetValue<string>());
    }

    [Fact]
    public async Task Analyst_opens_a_flagged_account_and_clears_it_with_a_note()
    {
        live.SkipUnlessReady();
        var accountId = $"acct-ui-{Guid.NewGuid():N}"[..20];
        await SeedFlaggedAccountAsync(accountId);

        var page = await live.NewPageAsync();
        await page.GotoAsync($"{live.BaseUrl}/app/analyst/");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Reason code").FillAsync("failed_login_burst");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = accountId }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2")).ToContainTextAsync(accountId);
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync("failed_login_burst");

        // Clearing without a note is refused by the service; with a note it is recorded.
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail .action-result")).ToContainTextAsync("note_required");
        await page.GetByLabel("Note (required to clear)").FillAsync("customer confirmed a forgotten password");
        await page.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Assertions.Expect(page.Locator("#detail h2 .badge")).ToHaveTextAsync("Active");
        await Assertions.Expect(page.Locator("#detail")).ToContainTextAsync("customer confirmed a forgotten password");
        await LiveApp.ScreenshotAsync(page, "analyst-cleared");

        var account = await live.Http.GetFromJsonAsync<JsonObject>($"/v1/accounts/{accountId}");
        Assert.Equal("Cleared", account!["flags"]![0]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Reviewer_approves_a_case_from_the_queue()
    {
        live.SkipUnlessReady();
        var id = await SeedManualReviewAsync();

        var page = await live.NewPageAsync();
        await page.GotoAsync($"{live.BaseUrl}/app/reviewer/");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = id.ToString() }).ClickAsync();
        await Assertions.Expect(page.Locator("#case")).ToContainTextAsync("viz_mrz_mismatch");
        await page.GetByLabel("Approve").CheckAsync();
        await page.GetByLabel("Reason (recorded in the history)").FillAsync("printed data checked against the chip by phone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Assertions.Expect(page.Locator("#case h2 .badge")).ToHaveTextAsync("Approved");
        await LiveApp.ScreenshotAsync(page, "reviewer-approved");

        var view = await live.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(id).GetAsync();
        Assert.Equal(VerificationStage.Approved, view!.Stage);
        Assert.Equal(ActorKind.Reviewer, view.History[^1].Actor.Kind);
    }

    private async Task SeedFlaggedAccountAsync(string accountId)
    {
        var created = await (await live.Http.PostAsJsonAsync("/v1/applicants", new
        {
            givenNames = "Ada Maria", surname = "Testperson", email = "ada.testperson@example.org", phone = "+441632960123",
        })).Content.ReadFromJsonAsync<JsonObject>();
        var id = created!["applicantId"]!.GetValue<string>();
        (await live.Http.PostAsJsonAsync($"/v1/applicants/{id}/consent", new { consentVersion = "2026-11" })).EnsureSuccessStatusCode();
        (await live.Http.PostAsJsonAsync($"/v1/applicants/{id}/accounts", new { accountId })).EnsureSuccessStatusCode();
        var start = DateTimeOffset.UtcNow.AddMinutes(-20);
        var events = Enumerable.Range(0, 5).Select(i => new
        {
            eventId = $"{accountId}-{i}", accountId, occurredAt = start.AddMinutes(i), type = "Login", success = false,
        });
        (await live.Http.PostAsJsonAsync("/v1/activity", new { events })).EnsureSuccessStatusCode();
    }

    // Reaching manual review needs check results; the checks have their own tests, so literal results stand in here.
    private async Task<Guid> SeedManualReviewAsync()
    {
        var id = Guid.NewGuid();
        var actor = new Actor(ActorKind.Client, "browser-test");
        var grain = live.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(id);
        await grain.RegisterAsync(new RegisterApplicant("Ada Maria", "Testperson", "ada.testperson@example.org", "+441632960123", RiskTier.Medium, actor));
        await grain.GiveConsentAsync("2026-11", "web", actor);
        await grain.StartCaptureAsync(actor);
        var mismatch = CheckResult.Failed("visual_zone", "test", VerificationStep.Document, DateTimeOffset.UtcNow,
            new ReasonCode("viz_mrz_mismatch", ReasonCategory.FraudSignal));
        var result = await grain.CompleteStepAsync(VerificationStep.Document, [mismatch], "doc-1", actor);
        Assert.Equal(VerificationStage.ManualReview, result.Value!.Stage);
        return id;
    }
}
