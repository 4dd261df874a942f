using System.Net;
using System.Net.Http.Json;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>The foundation's end-to-end scenario through HTTP on the embedded default, including a restart.</summary>
public sealed class OnboardingFlowTests
{
    [Fact]
    public async Task Flagged_account_moves_applicant_to_reverification_and_everything_survives_a_restart()
    {
        var dataDir = EmbeddedApp.NewDataDirectory();
        string applicantId;
        const string accountId = "acct-flow-1";
        await using (var app = new EmbeddedApp(dataDir))
        {
            var http = app.CreateClient();
            applicantId = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, applicantId);
            await ApiScenario.LinkAsync(http, applicantId, accountId);

            var ingest = await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst(accountId, "evt-flow", DateTimeOffset.UtcNow.AddMinutes(-10)));
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
            var summary = await ingest.ReadObjectAsync();
            Assert.Equal(5, summary["accepted"]!.GetValue<int>());
            Assert.Single(summary["newFlagIds"]!.AsArray());

            var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{applicantId}");
            Assert.Equal("ReverificationDue", applicant["stage"].Text());
            Assert.Equal("AccountFlag", applicant["reverificationReason"].Text());
            var triggers = applicant["history"]!.AsArray().Select(h => h!["trigger"].Text()).ToList();
            Assert.Equal(["registered", "consent_given", "capture_started", "reverification_required"], triggers);

            var flagged = await ApiScenario.GetAsync(http, "/v1/accounts/flagged?reason=failed_login_burst");
            Assert.Contains(flagged["items"]!.AsArray(), i => i!["accountId"].Text() == accountId);
        }

        await using (var restarted = new EmbeddedApp(dataDir))
        {
            var http = restarted.CreateClient();
            var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{applicantId}");
            Assert.Equal("ReverificationDue", applicant["stage"].Text());
            Assert.Equal(4, applicant["history"]!.AsArray().Count);
            Assert.Equal("Ada Maria", applicant["givenNames"].Text());

            var account = await ApiScenario.GetAsync(http, $"/v1/accounts/{accountId}");
            Assert.Equal("Flagged", account["status"].Text());
            Assert.Equal(5, account["eventsSeen"]!.GetValue<int>());

            // The same events again after the restart are recognised as duplicates: nothing double-counts.
            var replay = await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst(accountId, "evt-flow", DateTimeOffset.UtcNow.AddMinutes(-10)));
            var replaySummary = await replay.ReadObjectAsync();
            Assert.Equal(0, replaySummary["accepted"]!.GetValue<int>());
            Assert.Equal(5, replaySummary["duplicates"]!.GetValue<int>());
            Assert.Equal(5, (await ApiScenario.GetAsync(http, $"/v1/accounts/{accountId}"))["eventsSeen"]!.GetValue<int>());
        }
    }

    [Fact]
    public async Task Analyst_clears_a_flag_with_a_note_and_the_action_is_recorded()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var http = app.CreateClient();
        var applicantId = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, applicantId);
        await ApiScenario.LinkAsync(http, applicantId, "acct-analyst");
        var ingest = await (await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst("acct-analyst", "evt-an", DateTimeOffset.UtcNow.AddMinutes(-30)))).ReadObjectAsync();
        var flagId = ingest["newFlagIds"]![0].Text();

        var noNote = await http.PostAsJsonAsync($"/v1/accounts/acct-analyst/flags/{flagId}/actions", new { action = "clear" });
        Assert.Equal(("note_required", 400), await CodeAndStatus(noNote));

        var cleared = await http.PostAsJsonAsync($"/v1/accounts/acct-analyst/flags/{flagId}/actions", new { action = "clear", note = "customer confirmed a forgotten password" });
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        var account = await cleared.ReadObjectAsync();
        Assert.Equal("Active", account["status"].Text());
        var flag = account["flags"]![0]!;
        Assert.Equal("Cleared", flag["status"].Text());
        Assert.Equal("customer confirmed a forgotten password", flag["actions"]![0]!["note"].Text());

        var again = await http.PostAsJsonAsync($"/v1/accounts/acct-analyst/flags/{flagId}/actions", new { action = "escalate" });
        Assert.Equal(("flag_closed", 409), await CodeAndStatus(again));
    }

    [Fact]
    public async Task A_retried_create_with_the_same_idempotency_key_returns_the_same_applicant()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var http = app.CreateClient();
        async Task<HttpResponseMessage> Create(object body)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/applicants") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "order-7731");
            return await http.SendAsync(request);
        }

        var first = await (await Create(ApiScenario.Registration())).ReadObjectAsync();
        var retry = await Create(ApiScenario.Registration());
        Assert.Equal(first["applicantId"].Text(), (await retry.ReadObjectAsync())["applicantId"].Text());
        var conflicting = await Create(ApiScenario.Registration(surname: "Otherperson"));
        Assert.Equal(("applicant_exists", 409), await CodeAndStatus(conflicting));
    }

    [Fact]
    public async Task Consent_is_recorded_per_event_and_withdrawal_stops_processing()
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory());
        var http = app.CreateClient();
        var id = await ApiScenario.CreateApplicantAsync(http);
        var badChannel = await http.PostAsJsonAsync($"/v1/applicants/{id}/consent", new { consentVersion = "2026-11", channel = "fax" });
        Assert.Equal(("invalid_consent_channel", 400), await CodeAndStatus(badChannel));
        (await http.PostAsJsonAsync($"/v1/applicants/{id}/consent", new { consentVersion = "2026-11", channel = "mobile" })).EnsureSuccessStatusCode();

        var withdrawn = await (await http.PostAsJsonAsync($"/v1/applicants/{id}/withdrawal", new { reason = "applicant asked" })).ReadObjectAsync();
        Assert.Equal("Withdrawn", withdrawn["stage"].Text());
        var consents = withdrawn["consents"]!.AsArray();
        Assert.Equal(2, consents.Count);
        Assert.Equal(("2026-11", "mobile", true), (consents[0]!["textVersion"].Text(), consents[0]!["channel"].Text(), consents[0]!["given"]!.GetValue<bool>()));
        Assert.False(consents[1]!["given"]!.GetValue<bool>());

        // Nothing moves a withdrawn applicant any more.
        var link = await http.PostAsJsonAsync($"/v1/applicants/{id}/accounts", new { accountId = "acct-after-withdrawal" });
        Assert.Equal(("applicant_withdrawn", 409), await CodeAndStatus(link));
        var capture = await http.PostAsync($"/v1/applicants/{id}/capture", null);
        Assert.Equal(("applicant_withdrawn", 409), await CodeAndStatus(capture));
    }

    private static async Task<(string?, int)> CodeAndStatus(HttpResponseMessage response)
    {
        var (status, code, _) = await response.ProblemAsync();
        return (code, status);
    }
}
