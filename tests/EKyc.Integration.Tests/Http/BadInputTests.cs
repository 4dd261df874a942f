using System.Net.Http.Json;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>
/// Bad input gets a 4xx ProblemDetails with a stable code, and what is stored stays exactly as it was.
/// One application instance serves the whole table (starting a silo per row would be slow).
/// </summary>
public sealed class BadInputTests(BadInputTests.Fixture fixture) : IClassFixture<BadInputTests.Fixture>
{
    public sealed class Fixture : IAsyncLifetime
    {
        public EmbeddedApp App { get; } = new(EmbeddedApp.NewDataDirectory());
        public HttpClient Http { get; private set; } = null!;
        public string ApplicantId { get; private set; } = "";
        public const string Account = "acct-bad-input";

        public async ValueTask InitializeAsync()
        {
            Http = App.CreateClient();
            ApplicantId = await ApiScenario.CreateApplicantAsync(Http);
            await ApiScenario.ConsentAsync(Http, ApplicantId);
            await ApiScenario.LinkAsync(Http, ApplicantId, Account);
            var seeded = await Http.PostAsJsonAsync("/v1/activity", new
            {
                events = new[] { new { eventId = "seed-1", accountId = Account, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), type = "Login", success = true } },
            });
            Assert.True(seeded.IsSuccessStatusCode);
        }

        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }

    public static TheoryData<string, string, string, int, string> Cases => new()
    {
        // method, path ({id} = the applicant), body, status, code
        { "POST", "/v1/applicants", "{ not json", 400, "malformed_json" },
        { "POST", "/v1/applicants", """{"givenNames":"Ada","surname":"Testperson","email":"not-an-email","phone":"+441632960123"}""", 400, "invalid_email" },
        { "POST", "/v1/applicants", """{"givenNames":"Ada","surname":"Testperson","email":"ada@example.org","phone":"01632 960123"}""", 400, "invalid_phone" },
        { "POST", "/v1/applicants", """{"givenNames":"","surname":"Testperson","email":"ada@example.org","phone":"+441632960123"}""", 400, "invalid_name" },
        { "POST", "/v1/applicants", """{"givenNames":"Ada","surname":"T","email":"ada@example.org","phone":"+441632960123","riskTier":"Extreme"}""", 400, "malformed_json" },
        { "GET", "/v1/applicants/00000000-0000-0000-0000-000000000001", "", 404, "applicant_not_found" },
        { "GET", "/v1/applicants/not-a-guid", "", 404, "not_found" },
        { "POST", "/v1/applicants/00000000-0000-0000-0000-000000000001/consent", """{"consentVersion":"2026-11"}""", 404, "applicant_not_found" },
        { "POST", "/v1/applicants/{id}/consent", """{"consentVersion":"1999-01"}""", 400, "unknown_consent_version" },
        { "POST", "/v1/applicants/{id}/consent", """{"consentVersion":"2026-11"}""", 409, "invalid_transition" },
        { "POST", "/v1/applicants/{id}/reverification", """{"reason":"periodic"}""", 409, "invalid_transition" },
        { "POST", "/v1/applicants/{id}/reverification", """{"reason":""}""", 400, "reason_required" },
        { "POST", "/v1/applicants/{id}/review", """{"decision":"approve","reason":"looks fine"}""", 409, "invalid_transition" },
        { "POST", "/v1/applicants/{id}/review", """{"decision":"maybe","reason":"x"}""", 400, "invalid_decision" },
        { "POST", "/v1/applicants/{id}/accounts", """{"accountId":"bad id with spaces"}""", 400, "invalid_account_id" },
        { "POST", "/v1/activity", """{"events":[]}""", 400, "empty_batch" },
        { "POST", "/v1/activity", """{"events":[{"eventId":"x1","accountId":"acct-bad-input","occurredAt":"2026-01-01T00:00:00Z","type":"Transaction"}]}""", 400, "invalid_events" },
        { "POST", "/v1/activity", """{"events":[{"eventId":"x2","accountId":"acct-bad-input","occurredAt":"2099-01-01T00:00:00Z","type":"Login","success":true}]}""", 400, "invalid_events" },
        { "POST", "/v1/activity", """{"events":[{"eventId":"x3","accountId":"acct-unknown","occurredAt":"2026-01-01T00:00:00Z","type":"Login","success":true}]}""", 404, "unknown_accounts" },
        { "POST", "/v1/activity", """{"events":[{"eventId":"x4","accountId":"acct-bad-input","occurredAt":"yesterday","type":"Login"}]}""", 400, "malformed_json" },
        { "GET", "/v1/accounts/acct-never-seen", "", 404, "account_not_found" },
        { "GET", "/v1/accounts/flagged?pageSize=100000", "", 400, "invalid_page_size" },
        { "POST", "/v1/accounts/acct-bad-input/flags/flg_missing/actions", """{"action":"acknowledge"}""", 404, "flag_not_found" },
        { "POST", "/v1/accounts/acct-bad-input/flags/flg_missing/actions", """{"action":"delete"}""", 400, "invalid_action" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Refused_with_a_stable_code_and_nothing_changes(string method, string path, string body, int status, string code)
    {
        var http = fixture.Http;
        var before = await Snapshot(http);
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{id}", fixture.ApplicantId, StringComparison.Ordinal));
        if (body.Length > 0) request.Content = Json.Raw(body);

        var response = await http.SendAsync(request);
        var (actualStatus, actualCode, problem) = await response.ProblemAsync();
        Assert.Equal((status, code), (actualStatus, actualCode));
        Assert.False(string.IsNullOrWhiteSpace(problem["detail"]?.GetValue<string>()));
        Assert.Equal(before, await Snapshot(http));
    }

    [Fact]
    public async Task An_oversized_batch_is_refused_before_anything_is_stored()
    {
        var before = await Snapshot(fixture.Http);
        var events = Enumerable.Range(0, 5_001).Select(i => new
        {
            eventId = $"big-{i}", accountId = BadInputTests.Fixture.Account, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-1), type = "Login", success = true,
        });
        var response = await fixture.Http.PostAsJsonAsync("/v1/activity", new { events });
        var (status, code, _) = await response.ProblemAsync();
        Assert.Equal((413, "batch_too_large"), (status, code));
        Assert.Equal(before, await Snapshot(fixture.Http));
    }

    [Fact]
    public async Task A_body_over_the_byte_limit_is_refused()
    {
        var huge = new string('a', 17 * 1024 * 1024);
        var response = await fixture.Http.PostAsync("/v1/activity", Json.Raw($$"""{"events":[],"pad":"{{huge}}"}"""));
        var (status, code, _) = await response.ProblemAsync();
        Assert.Equal((413, "payload_too_large"), (status, code));
    }

    [Fact]
    public async Task Duplicate_event_ids_are_counted_not_applied()
    {
        var evt = new { eventId = "seed-1", accountId = BadInputTests.Fixture.Account, occurredAt = DateTimeOffset.UtcNow.AddMinutes(-5), type = "Login", success = true };
        var before = await Snapshot(fixture.Http);
        var response = await fixture.Http.PostAsJsonAsync("/v1/activity", new { events = new[] { evt, evt } });
        var summary = await response.ReadObjectAsync();
        Assert.Equal(0, summary["accepted"]!.GetValue<int>());
        Assert.Equal(1, summary["duplicates"]!.GetValue<int>());
        Assert.Equal(before, await Snapshot(fixture.Http));
    }

    private async Task<string> Snapshot(HttpClient http)
    {
        var applicant = await http.GetStringAsync($"/v1/applicants/{fixture.ApplicantId}");
        var account = await http.GetStringAsync($"/v1/accounts/{BadInputTests.Fixture.Account}");
        return applicant + account;
    }
}
