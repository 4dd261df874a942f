using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EKyc.GrainInterfaces.Applicants;
using EKyc.TestSupport;
using EKyc.Verification.Checks;
using EKyc.Verification.Workflow;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EKyc.Browser.Tests;

/// <summary>
/// The applicant's capture flow, opened from a capture link the platform issued. The service's business clock is
/// today's, so every published specimen (all expired) ends in a rejection for expiry: that outcome and its explanation
/// are what the page must show.
/// </summary>
[Collection(LiveAppGroup.Name)]
public sealed partial class ApplicantFlowTests(LiveApp live)
{
    private static readonly TimeSpan Checks = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Onboarding_from_the_capture_link_consents_uploads_the_specimen_and_shows_the_expiry_rejection()
    {
        live.SkipUnlessReady();
        ModelFiles.Require([.. ModelFiles.Ocr, .. ModelFiles.Faces]);
        var passport = Platform.Specimen(LiveApp.SpecimenPassport);
        // Registered under the specimen's own printed name, so the only finding left is the expiry (2016).
        var id = await Platform.RegisterAsync(live.Http, Platform.SpecimenName.Given, Platform.SpecimenName.Surname);
        var link = await Platform.CaptureLinkAsync(live.Http, id);

        var (page, csp) = await live.NewPageAsync();
        await page.GotoAsync(live.BaseUrl + link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your consent" })).ToBeVisibleAsync();
        // The token left the address bar at once; it lives in this tab's sessionStorage only.
        Assert.DoesNotContain("token", page.Url, StringComparison.Ordinal);
        Assert.StartsWith("ey", await page.EvaluateAsync<string>("() => sessionStorage.getItem('ekyc.applicant.token')"), StringComparison.Ordinal);
        await Expect(page.Locator("#consent-version")).ToHaveTextAsync(Platform.ConsentVersion);
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "applicant-1-consent");

        // Keyboard only: tick the box with Space, Tab to the button (visible focus), Enter.
        var give = page.GetByRole(AriaRole.Button, new() { Name = "Give consent" });
        await Expect(give).ToBeDisabledAsync();
        await page.GetByLabel("I agree to the processing described above.").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Tab");
        await Expect(give).ToBeFocusedAsync();
        Assert.Equal("solid", await give.EvaluateAsync<string>("b => getComputedStyle(b).outlineStyle"));
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your identity document" })).ToBeVisibleAsync();
        await Expect(page.Locator("#progress li[aria-current=step]")).ToHaveTextAsync("Document");
        // Cards need both sides; a passport one page.
        await page.GetByLabel("National identity card").CheckAsync();
        await Expect(page.Locator("#slot-back")).ToBeVisibleAsync();
        await Expect(page.Locator("#document-instructions")).ToContainTextAsync("both sides");
        await page.GetByLabel("Passport", new() { Exact = true }).CheckAsync();
        await Expect(page.Locator("#slot-back")).ToBeHiddenAsync();
        await Accessibility.AssertAccessibleAsync(page);

        var send = page.GetByRole(AriaRole.Button, new() { Name = "Send the document for checking" });
        await Expect(send).ToBeDisabledAsync();
        var upload = page.GetByLabel("Or upload a photo of it (JPEG, PNG or WebP)").First;

        // First a photo with no machine-readable zone at all (a portrait sent instead of the document, a common slip):
        // the service asks for another try and the page shows its guidance above the capture again.
        await upload.SetInputFilesAsync(Path.Combine(SharedData.Require("faces/deepface"), "img1.jpg"));
        await send.ClickAsync();
        await Expect(page.Locator("#document-guidance .notice")).ToContainTextAsync("Please try again", new() { Timeout = (float)Checks.TotalMilliseconds });
        await Expect(page.Locator("#document-title")).ToBeFocusedAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "applicant-2-retry-guidance");
        var retry = await Platform.GetAsync(live.Http, $"/v1/applicants/{id}");
        Assert.Equal("AwaitingDocuments", retry["stage"]!.GetValue<string>());
        foreach (var guidance in retry["guidance"]!.AsArray()) await Expect(page.Locator("#document-guidance")).ToContainTextAsync(guidance!.GetValue<string>());

        await upload.SetInputFilesAsync(passport);
        await Expect(page.Locator("#slot-front figure img")).ToBeVisibleAsync();
        await LiveApp.ScreenshotAsync(page, "applicant-2-document-chosen");
        await send.ClickAsync();

        await Expect(page.Locator("#stage")).ToHaveTextAsync("Not verified", new() { Timeout = (float)Checks.TotalMilliseconds });
        await Expect(page.Locator("#outcome")).ToContainTextAsync("has expired");
        await Expect(page.Locator("#outcome")).ToContainTextAsync("contact the service that sent you the link");
        await Expect(page.Locator("#progress li[aria-current=step]")).ToHaveTextAsync("Result");
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "applicant-3-rejected-expired");
        Assert.Empty(csp);

        var stored = await Platform.GetAsync(live.Http, $"/v1/applicants/{id}");
        Assert.Equal("Rejected", stored["stage"]!.GetValue<string>());
        Assert.Contains("document_expired", Platform.Codes(stored));
        Assert.Equal(Platform.ConsentVersion, stored["consentVersion"]!.GetValue<string>());
        Assert.Equal("web", stored["consents"]![0]!["channel"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_valid_link_the_page_says_where_links_come_from_and_registers_no_one()
    {
        live.SkipUnlessReady();
        var (page, csp) = await live.NewPageAsync();
        await page.GotoAsync($"{live.BaseUrl}/app/applicant/");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Open your verification link" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);

        // The development-only registration form: with authentication on, the service refuses it and the page says why.
        await page.GetByText("Developers: register without a link").ClickAsync();
        await page.GetByLabel("Given names").FillAsync("Ada Maria");
        await page.GetByLabel("Surname").FillAsync("Testperson");
        await page.GetByLabel("Email").FillAsync("ada.testperson@example.org");
        await page.GetByLabel("Mobile phone").FillAsync("+441632960123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
        await Expect(page.Locator("#register-error")).ToContainTextAsync("requires authentication");
        await Expect(page.Locator("#page-error")).ToBeEmptyAsync();
        await Accessibility.AssertAccessibleAsync(page);

        // A link whose token was tampered with is refused by the service; the page asks for a new link.
        var id = await Platform.RegisterAsync(live.Http);
        var link = await Platform.CaptureLinkAsync(live.Http, id);
        var (tampered, _) = await live.NewPageAsync();
        await tampered.GotoAsync(live.BaseUrl + link[..^4] + "AAAA");
        await Expect(tampered.Locator("#page-error")).ToContainTextAsync("not valid");
        Assert.Empty(csp);
    }

    [Fact]
    public async Task The_camera_path_captures_a_frame_of_the_document_and_uploads_it()
    {
        live.RequireCamera();
        ModelFiles.Require([.. ModelFiles.Ocr, .. ModelFiles.Faces]);
        var id = await Platform.RegisterAsync(live.Http, Platform.SpecimenName.Given, Platform.SpecimenName.Surname);
        await Platform.ConsentAsync(live.Http, id); // consent recorded by the platform: the link opens at the document
        var link = await Platform.CaptureLinkAsync(live.Http, id);

        var (page, csp) = await live.NewPageAsync();
        await page.GotoAsync(live.BaseUrl + link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your identity document" })).ToBeVisibleAsync();
        await page.Locator("button[data-camera=front]").ClickAsync();
        await Expect(page.Locator("#camera-panel")).ToBeVisibleAsync();
        // The live hint comes from the video frames (brightness, glare, blur), announced politely.
        await Expect(page.Locator("#doc-hint")).ToHaveTextAsync(HintPattern(), new() { Timeout = 10_000 });
        Assert.Equal(1280, await page.EvaluateAsync<int>("() => document.getElementById('doc-video').videoWidth"));
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "applicant-camera-1-live");

        await page.GetByRole(AriaRole.Button, new() { Name = "Take photo" }).ClickAsync();
        var preview = page.Locator("#slot-front figure img");
        await Expect(preview).ToBeVisibleAsync();
        await Expect(page.Locator("#slot-front figcaption")).ToContainTextAsync("1280×720");
        Assert.Equal(1280, await preview.EvaluateAsync<int>("img => img.naturalWidth"));
        await Expect(page.Locator("#camera-panel")).ToBeHiddenAsync(); // the camera is released after the shot
        await LiveApp.ScreenshotAsync(page, "applicant-camera-2-captured");

        await page.GetByRole(AriaRole.Button, new() { Name = "Send the document for checking" }).ClickAsync();
        // The MRZ is read from the filmed specimen: the same answer as the upload, rejected for expiry.
        await Expect(page.Locator("#stage")).ToHaveTextAsync("Not verified", new() { Timeout = (float)Checks.TotalMilliseconds });
        await Expect(page.Locator("#outcome")).ToContainTextAsync("has expired");
        // Rejected at the document: the selfie and the background checks never happened, and the bar says so.
        Assert.Equal(["done", "done", "", "", "current"], await page.Locator("#progress li").EvaluateAllAsync<string[]>("els => els.map(e => e.className)"));
        await LiveApp.ScreenshotAsync(page, "applicant-camera-3-answer");
        Assert.Empty(csp);

        // The service received the camera frame: a JPEG of the camera's size, stored as the document front.
        using var reviewer = live.StaffClient("reviewer");
        var evidence = (await reviewer.GetFromJsonAsync<JsonArray>($"/v1/applicants/{id}/evidence"))!;
        var front = evidence.First(e => e!["kind"]!.GetValue<string>() == "document_front")!["id"]!.GetValue<string>();
        var bytes = await reviewer.GetByteArrayAsync($"/v1/applicants/{id}/evidence/{front}");
        Assert.True(bytes.Length > 10_000 && bytes[0] == 0xFF && bytes[1] == 0xD8, $"expected a JPEG, got {bytes.Length} bytes");
    }

    [Fact]
    public async Task The_selfie_step_runs_the_liveness_challenge_prompts_in_order_then_sends_the_selfie()
    {
        live.RequireCamera();
        ModelFiles.Require([.. ModelFiles.Faces]);
        var id = await Platform.RegisterAsync(live.Http);
        await Platform.ConsentAsync(live.Http, id);
        // No published specimen is still valid, so the browser cannot pass the document step on today's clock; the
        // document step is completed with a literal passing result (the document checks have their own tests).
        var grain = live.Services.GetRequiredService<IGrainFactory>().GetGrain<IApplicantGrain>(Guid.Parse(id));
        var passed = CheckResult.Passed("mrz", "test", VerificationStep.Document, DateTimeOffset.UtcNow);
        var moved = await grain.CompleteStepAsync(VerificationStep.Document, [passed], "browser-selfie-doc", new Actor(ActorKind.Client, "browser-test"));
        Assert.Equal(VerificationStage.AwaitingSelfie, moved.Value!.Stage);
        var link = await Platform.CaptureLinkAsync(live.Http, id);

        var (page, csp) = await live.NewPageAsync();
        await page.GotoAsync(live.BaseUrl + link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Selfie and movement check" })).ToBeVisibleAsync();
        await Accessibility.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start the check" }).ClickAsync();

        // Each action of the session is prompted in turn while frames are taken.
        var prompt = page.Locator("#challenge-prompt");
        await Expect(page.Locator("#challenge-steps li")).ToHaveCountAsync(3, new() { Timeout = 10_000 });
        var actions = await page.Locator("#challenge-steps li").AllTextContentsAsync();
        for (var i = 0; i < actions.Count; i++)
        {
            await Expect(prompt).ToHaveTextAsync($"Step {i + 1} of 3: {actions[i]}", new() { Timeout = 10_000 });
            if (i == 0) await LiveApp.ScreenshotAsync(page, "applicant-selfie-1-prompt");
        }
        await Expect(page.Locator("#challenge-result")).Not.ToBeEmptyAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#challenge-result")).ToContainTextAsync(FramesPattern());
        await Accessibility.AssertAccessibleAsync(page);
        await LiveApp.ScreenshotAsync(page, "applicant-selfie-2-challenge-answered");

        await page.GetByRole(AriaRole.Button, new() { Name = "Take the selfie" }).ClickAsync();
        await Expect(page.Locator("#status:visible, #selfie-guidance .notice, #selfie-result .error").First)
            .ToBeVisibleAsync(new() { Timeout = (float)Checks.TotalMilliseconds });
        await LiveApp.ScreenshotAsync(page, "applicant-selfie-3-answer");
        Assert.Empty(csp);

        // The frames reached the liveness session (its verdict is audited) and the selfie was stored.
        using var reviewer = live.StaffClient("reviewer");
        var audit = (await reviewer.GetFromJsonAsync<JsonArray>($"/v1/audit/applicant/{id}"))!;
        Assert.Contains(audit, r => r!["entry"]!["action"]!.GetValue<string>() == "applicant.liveness_verified");
        var evidence = (await reviewer.GetFromJsonAsync<JsonArray>($"/v1/applicants/{id}/evidence"))!;
        Assert.Contains(evidence, e => e!["kind"]!.GetValue<string>() == "selfie");
    }

    [GeneratedRegex("light|Glare|blurred|Fit the document")]
    private static partial Regex HintPattern();

    [GeneratedRegex(@"passed \(\d+ frames\)|\d+ frames sent")]
    private static partial Regex FramesPattern();
}
