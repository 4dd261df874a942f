using System.Net.Http.Json;
using EKyc.GrainInterfaces.Applicants;
using EKyc.TestSupport;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EKyc.Browser.Tests;

/// <summary>The risk analyst and the reviewer, each signed in with a token from the service's local issuer.</summary>
[Collection(LiveAppGroup.Name)]
public sealed class StaffPageTests(LiveApp live)
{
    [Fact]
    public async Task Analyst_signs_in_reads_the_score_chart_acknowledges_and_clears_a_flag_with_a_note()
    {
        live.SkipUnlessReady();
        var accountId = await SeedScoredFlaggedAccountAsync();

        var (page, csp) = await live.NewPageAsync(1280, 900);
        await page.GotoAsync($"{live.BaseUrl}/app/analyst/");
        await Expect(page.GetByLabel("Bearer token")).ToBeVisibleAsync();
        await Expect(page.Locator("#token-help")).ToContainTextAsync("./ekyc token --role analyst");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Bearer token").FillAsync(live.StaffToken("analyst", "analyst-ada"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("role analyst");

        await page.GetByLabel("Flag status").SelectOptionAsync("Open");
        await page.GetByLabel("Minimum score").FillAsync("0");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Score" }).ClickAsync(); // sort by score
        await Expect(page.Locator("th[data-key=riskScore]")).ToHaveAttributeAsync("aria-sort", "descending");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = accountId }).ClickAsync();
        await Expect(page.Locator("#detail-title")).ToContainTextAsync(accountId);

        // The anomaly-score timeline is drawn: a line through the scored events, one point each.
        var chart = page.Locator("#detail svg.chart");
        await Expect(chart).ToBeVisibleAsync();
        Assert.True(await chart.Locator("circle.point").CountAsync() >= 3);
        await Expect(chart.Locator("polyline.line")).ToHaveCountAsync(1);
        await Expect(page.Locator("#detail")).ToContainTextAsync("Features behind the latest score");
        await Expect(page.Locator("#detail")).ToContainTextAsync("account.flag_raised"); // the activity/flag history
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "analyst-1-account");

        var flag = page.Locator("#detail article[data-flag]").First;
        await flag.GetByRole(AriaRole.Button, new() { Name = "Acknowledge" }).ClickAsync();
        await Expect(flag.Locator("h4 .badge")).ToHaveTextAsync("Acknowledged");

        // Clearing needs a note; with one it is recorded in the flag's history.
        await flag.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(flag.Locator(".action-result")).ToContainTextAsync("note_required");
        await flag.GetByLabel("Note (required to clear)").FillAsync("customer confirmed the new device by phone");
        await flag.GetByRole(AriaRole.Button, new() { Name = "Clear" }).ClickAsync();
        await Expect(flag.Locator("h4 .badge")).ToHaveTextAsync("Cleared");
        await Expect(flag).ToContainTextAsync("customer confirmed the new device by phone");

        // The flag already made re-verification due: the analyst's request is answered with that, from the service.
        await page.GetByRole(AriaRole.Button, new() { Name = "Require re-verification of the applicant" }).ClickAsync();
        await Expect(page.Locator("#rekyc-result")).ToContainTextAsync("reverification_already_due");
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "analyst-2-cleared");
        Assert.Empty(csp);

        var account = await Platform.GetAsync(live.Http, $"/v1/accounts/{accountId}");
        var stored = account["flags"]![0]!;
        Assert.Equal("Cleared", stored["status"]!.GetValue<string>());
        Assert.Equal(["Acknowledged", "Cleared"], stored["actions"]!.AsArray().Select(a => a!["newStatus"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Reviewer_signs_in_opens_a_manual_review_case_with_its_images_and_rejects_it_with_a_reason()
    {
        live.SkipUnlessReady();
        ModelFiles.Require([.. ModelFiles.Ocr, .. ModelFiles.Faces]);
        // The ICAO specimen passport (ERIKSSON, ANNA MARIA; issuer UTO; expired 2012) uploaded for an applicant
        // registered under a name sharing no word with it: a different name is a fraud signal, which the policy sends
        // to a person ahead of the expiry and the unknown issuer (registered as "Anna Maria Eriksson" the expiry
        // rejects it outright; as "Ada Maria Testperson" the shared "Maria" makes a partial match, rejected too).
        var id = await Platform.RegisterAsync(live.Http, "Ada", "Testperson");
        await Platform.ConsentAsync(live.Http, id);
        var view = await Platform.UploadDocumentAsync(live.Http, id, Platform.Specimen("passporteye/passport-td3.png"));
        Assert.True(view["stage"]!.GetValue<string>() == "ManualReview", view.ToJsonString());
        Assert.Contains("document_name_differs", Platform.Codes(view));
        await Platform.WaitForAsync(live.Http, "/v1/applicants?stage=ManualReview&pageSize=200",
            page => page["items"]!.AsArray().Any(i => i!["applicantId"]!.GetValue<string>() == id), TimeSpan.FromSeconds(10));

        var (page, csp) = await live.NewPageAsync(1280, 900);
        await page.GotoAsync($"{live.BaseUrl}/app/reviewer/");
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByLabel("Bearer token").FillAsync(live.StaffToken("reviewer", "reviewer-ada"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("role reviewer");
        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();

        var panel = page.Locator("#case");
        await Expect(page.Locator("#case-title")).ToContainTextAsync("Ada Testperson");
        await Expect(panel).ToContainTextAsync("document_name_differs");
        await Expect(panel).ToContainTextAsync("document_expired");
        await Expect(panel).ToContainTextAsync("document_issuer_unknown");
        // The images come through the evidence endpoints with the token, shown via object URLs.
        var front = panel.GetByAltText("Document, front as uploaded");
        await Expect(front).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await page.WaitForFunctionAsync("() => document.querySelector('#case img[alt^=\"Document, front\"]')?.naturalWidth > 0");
        Assert.Equal(1334, await front.EvaluateAsync<int>("img => img.naturalWidth"));
        var portrait = panel.GetByAltText("Portrait cropped from the document");
        await Expect(portrait).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("^blob:"));
        await Expect(panel).ToContainTextAsync("Selfie: none stored");
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "reviewer-1-case");

        // A decision needs a reason.
        await page.GetByLabel("Reject").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.Locator("#decision-result")).ToContainTextAsync("give the reason");
        await page.GetByLabel("Reason (recorded in the history)").FillAsync("document belongs to someone else and has expired");
        await page.GetByRole(AriaRole.Button, new() { Name = "Record decision" }).ClickAsync();
        await Expect(page.Locator("#case-title .badge")).ToHaveTextAsync("Rejected");
        await Expect(panel).ToContainTextAsync("document belongs to someone else and has expired");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = id })).ToHaveCountAsync(0); // left the queue
        await LiveApp.ScreenshotAsync(page, "reviewer-2-rejected");
        Assert.Empty(csp);

        var decided = await live.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(Guid.Parse(id)).GetAsync();
        Assert.Equal(VerificationStage.Rejected, decided!.Stage);
        Assert.Equal(ActorKind.Reviewer, decided.History[^1].Actor.Kind);
    }

    /// <summary>
    /// Through the API only: ordinary spending on four accounts trains the anomaly model (sampled normal activity),
    /// then the target account gets more ordinary events (scored) and a burst of failed logins from a new device and
    /// country, which the rules flag.
    /// </summary>
    private async Task<string> SeedScoredFlaggedAccountAsync()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var applicant = await Platform.RegisterAsync(live.Http);
        await Platform.ConsentAsync(live.Http, applicant);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        var accounts = Enumerable.Range(0, 4).Select(a => $"acct-ui-{run}-{a}").ToArray();
        foreach (var (accountId, a) in accounts.Select((x, i) => (x, i)))
        {
            (await live.Http.PostAsJsonAsync($"/v1/applicants/{applicant}/accounts", new { accountId })).EnsureSuccessStatusCode();
            var events = Enumerable.Range(0, 50).Select(i => new
            {
                eventId = $"{accountId}-n{i}", accountId, occurredAt = start.AddDays(i).AddHours(10 + (i * 7 % 8)), type = "Transaction",
                amount = 20 + (i * 37 % 40), currency = "EUR", deviceId = $"device-{a}", ipCountry = "DE", counterparty = $"shop-{i % 5}",
            });
            (await live.Http.PostAsJsonAsync("/v1/activity", new { events })).EnsureSuccessStatusCode();
        }
        var target = accounts[0];
        await Platform.WaitForAsync(live.Http, $"/v1/accounts/{target}", a => a["modelVersion"] is not null, TimeSpan.FromSeconds(30));

        var later = start.AddDays(51);
        var scored = Enumerable.Range(0, 4).Select(i => new
        {
            eventId = $"{target}-s{i}", accountId = target, occurredAt = later.AddHours(10 + i), type = "Transaction",
            amount = 25 + i * 5, currency = "EUR", deviceId = "device-0", ipCountry = "DE", counterparty = "shop-1",
        });
        (await live.Http.PostAsJsonAsync("/v1/activity", new { events = scored })).EnsureSuccessStatusCode();
        var burst = Enumerable.Range(0, 6).Select(i => new
        {
            eventId = $"{target}-f{i}", accountId = target, occurredAt = later.AddHours(20).AddMinutes(i), type = "Login", success = false,
            deviceId = "device-new", ipCountry = "BR",
        });
        (await live.Http.PostAsJsonAsync("/v1/activity", new { events = burst })).EnsureSuccessStatusCode();
        await Platform.WaitForAsync(live.Http, $"/v1/accounts/{target}",
            a => a["flags"]!.AsArray().Count > 0 && a["scoreTimeline"]!.AsArray().Count >= 3, TimeSpan.FromSeconds(10));
        return target;
    }
}
