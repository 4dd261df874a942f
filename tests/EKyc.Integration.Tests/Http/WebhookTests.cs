using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using EKyc.Integration.Tests.Support;
using EKyc.Security;
using Microsoft.Data.Sqlite;

namespace EKyc.Integration.Tests.Http;

/// <summary>Signed webhooks from the outbox: retried with backoff, and not lost when the service restarts.</summary>
public sealed class WebhookTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Webhooks:PollInterval"] = "00:00:00.100",
        ["Webhooks:BaseBackoff"] = "00:00:00.200",
    };

    private static readonly string[] Subscribed = ["account.flagged", "applicant.reverification_required"];

    [Fact]
    public async Task Flag_and_reverification_events_arrive_signed_after_a_failed_first_attempt_and_survive_a_restart()
    {
        await using var receiver = new WebhookReceiver();
        await receiver.StartAsync();
        receiver.Failing = true;
        var dataDir = EmbeddedApp.NewDataDirectory();
        string secret;
        await using (var app = new EmbeddedApp(dataDir, FastRetries))
        {
            var http = app.CreateClient();
            var bad = await http.PostAsJsonAsync("/v1/webhooks", new { url = "ftp://example.org/x" });
            Assert.Equal(400, (int)bad.StatusCode);
            var registered = await (await http.PostAsJsonAsync("/v1/webhooks", new { url = receiver.Url, events = Subscribed })).ReadObjectAsync();
            secret = registered["secret"].Text();
            Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
            var listed = await http.GetStringAsync("/v1/webhooks");
            Assert.DoesNotContain(secret, listed, StringComparison.Ordinal);

            var id = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, id);
            await ApiScenario.LinkAsync(http, id, "acct-hooks");
            (await http.PostAsJsonAsync("/v1/activity", ApiScenario.FailedLoginBurst("acct-hooks", "evt-hooks", DateTimeOffset.UtcNow.AddMinutes(-9)))).EnsureSuccessStatusCode();

            // The endpoint is down: attempts are made and recorded, nothing is lost.
            JsonArray? pending = null;
            await WaitUntilAsync(async () =>
            {
                pending = await http.GetFromJsonAsync<JsonArray>("/v1/webhooks/deliveries?status=pending");
                return pending!.Count == 2 && pending.All(d => d!["attempts"]!.GetValue<int>() >= 1);
            });
            Assert.All(pending!, d => Assert.Equal("HTTP 503", d!["lastError"].Text()));
            Assert.True(receiver.Refused >= 2);
        }
        SqliteConnection.ClearAllPools();

        // The service restarts and the endpoint recovers: both events arrive, signed, once each.
        receiver.Failing = false;
        await using (var app = new EmbeddedApp(dataDir, FastRetries))
        {
            var http = app.CreateClient();
            await WaitUntil(() => receiver.Deliveries.Count >= 2, seconds: 30);
            var delivered = await http.GetFromJsonAsync<JsonArray>("/v1/webhooks/deliveries?status=delivered");
            Assert.Equal(2, delivered!.Count);
        }

        var types = receiver.Deliveries.Select(d => d.EventType).Order().ToList();
        Assert.Equal(["account.flagged", "applicant.reverification_required"], types);
        Assert.Equal(2, receiver.Deliveries.Select(d => d.EventId).Distinct().Count());
        foreach (var d in receiver.Deliveries)
        {
            Assert.Equal(WebhookSignature.Verdict.Valid, WebhookSignature.Verify(Encoding.UTF8.GetBytes(secret), d.Signature, d.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
            var body = JsonNode.Parse(d.Body)!;
            Assert.Equal(d.EventId, body["eventId"].Text());
            Assert.DoesNotContain("Testperson", Encoding.UTF8.GetString(d.Body), StringComparison.Ordinal);
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(100);
        }
    }

    private static async Task WaitUntil(Func<bool> condition, int seconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not reached in time");
            await Task.Delay(100);
        }
    }
}
