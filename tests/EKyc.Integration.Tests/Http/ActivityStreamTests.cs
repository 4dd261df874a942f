using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using EKyc.Integration.Tests.Support;

namespace EKyc.Integration.Tests.Http;

/// <summary>Account activity through the Orleans activity streams, and the anomaly model trained on the platform's own activity.</summary>
public sealed class ActivityStreamTests
{
    internal static async Task<JsonObject> WaitForAccountAsync(HttpClient http, string accountId, Func<JsonObject, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var response = await http.GetAsync($"/v1/accounts/{accountId}");
            if (response.StatusCode == HttpStatusCode.OK && await response.ReadObjectAsync() is var account && done(account)) return account;
            Assert.True(DateTime.UtcNow < deadline, $"account {accountId} did not reach the expected state in {timeout}");
            await Task.Delay(200);
        }
    }

    [Fact]
    public Task Streamed_activity_is_applied_once_flags_the_account_and_requires_reverification() =>
        StreamedActivityFlagsTheAccount(new Dictionary<string, string?>());

    [Fact]
    public Task The_same_flow_runs_on_nats_jetstream()
    {
        var url = EKyc.TestSupport.TestServers.NatsOrSkip();
        // A stream, subjects and consumers of its own, so runs never see each other's messages.
        var run = Guid.NewGuid().ToString("N")[..10];
        return StreamedActivityFlagsTheAccount(new Dictionary<string, string?>
        {
            ["Streaming:Nats:Url"] = url,
            ["Streaming:Nats:StreamName"] = $"EKYC_IT_{run}",
            ["Streaming:Nats:SubjectPrefix"] = $"ekyc-it.{run}",
            ["Streaming:Nats:DurableNamePrefix"] = $"ekyc-it-{run}",
        });
    }

    private static async Task StreamedActivityFlagsTheAccount(Dictionary<string, string?> settings)
    {
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), settings);
        var http = app.CreateClient();
        var applicantId = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, applicantId);
        await ApiScenario.LinkAsync(http, applicantId, "acct-stream-1");

        var burst = ApiScenario.FailedLoginBurst("acct-stream-1", "evt-stream", DateTimeOffset.UtcNow.AddMinutes(-10));
        var published = await http.PostAsJsonAsync("/v1/activity/stream", burst);
        Assert.Equal(HttpStatusCode.Accepted, published.StatusCode);
        // At-least-once: the same batch again must not count twice.
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync("/v1/activity/stream", burst)).StatusCode);

        var account = await WaitForAccountAsync(http, "acct-stream-1", a => a["status"].Text() == "Flagged", TimeSpan.FromSeconds(20));
        Assert.Equal(5, account["eventsSeen"]!.GetValue<int>());
        var applicant = await ApiScenario.GetAsync(http, $"/v1/applicants/{applicantId}");
        Assert.Equal("ReverificationDue", applicant["stage"].Text());

        var invalid = await http.PostAsJsonAsync("/v1/activity/stream", new { events = new[] { new { eventId = "", accountId = "acct-stream-1", type = "Login" } } });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task The_anomaly_model_trains_on_sampled_normal_activity_and_scores_an_unusual_event_higher()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Monitoring:Model:SampleRate"] = "1",
            ["Monitoring:Model:MaxSamplesPerSecond"] = "1000",
            ["Monitoring:Model:MinSamples"] = "150",
            ["Monitoring:Model:TrainingInterval"] = "00:00:01",
            ["Monitoring:Model:RefreshInterval"] = "00:00:01",
        };
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), settings);
        var http = app.CreateClient();
        var applicantId = await ApiScenario.CreateApplicantAsync(http);
        await ApiScenario.ConsentAsync(http, applicantId);
        var start = DateTimeOffset.UtcNow.AddDays(-60);
        for (var a = 0; a < 4; a++)
        {
            var accountId = $"acct-model-{a}";
            await ApiScenario.LinkAsync(http, applicantId, accountId);
            // Steady, ordinary spending: same device and country, daytime, modest amounts.
            var events = Enumerable.Range(0, 50).Select(i => new
            {
                eventId = $"evt-model-{a}-{i}",
                accountId,
                occurredAt = start.AddDays(i).AddHours(10 + (i * 7 % 8)),
                type = "Transaction",
                amount = 20 + (i * 37 % 40),
                currency = "EUR",
                deviceId = $"device-{a}",
                ipCountry = "DE",
                counterparty = $"shop-{i % 5}",
            }).ToArray();
            var ingest = await http.PostAsJsonAsync("/v1/activity", new { events });
            Assert.Equal(HttpStatusCode.OK, ingest.StatusCode);
        }

        // Training and loading run in the background: wait until the next event is scored.
        var scored = await WaitForAccountAsync(http, "acct-model-0", a => a["modelVersion"] is not null, TimeSpan.FromSeconds(30));
        Assert.StartsWith("pca-", scored["modelVersion"].Text(), StringComparison.Ordinal);

        var normal = new { eventId = "evt-model-normal", accountId = "acct-model-0", occurredAt = start.AddDays(51).AddHours(12), type = "Transaction", amount = 35, currency = "EUR", deviceId = "device-0", ipCountry = "DE", counterparty = "shop-1" };
        var unusual = new { eventId = "evt-model-unusual", accountId = "acct-model-0", occurredAt = start.AddDays(52).AddHours(3), type = "Transaction", amount = 9_500, currency = "EUR", deviceId = "device-new", ipCountry = "BR", counterparty = "beneficiary-new" };
        await http.PostAsJsonAsync("/v1/activity", new { events = new[] { normal } });
        await http.PostAsJsonAsync("/v1/activity", new { events = new[] { unusual } });

        var account = await ApiScenario.GetAsync(http, "/v1/accounts/acct-model-0");
        var timeline = account["scoreTimeline"]!.AsArray();
        Assert.True(timeline.Count >= 2, account.ToJsonString());
        double ScoreOf(string id) => timeline.Single(p => p!["eventId"].Text() == id)!["score"]!.GetValue<double>();
        Assert.True(ScoreOf("evt-model-unusual") > ScoreOf("evt-model-normal") + 0.2,
            $"unusual {ScoreOf("evt-model-unusual")} vs normal {ScoreOf("evt-model-normal")}");
        Assert.Contains(account["flags"]!.AsArray().SelectMany(f => f!["hits"]!.AsArray()), h => h!["code"].Text() == "anomaly_score");
    }
}
