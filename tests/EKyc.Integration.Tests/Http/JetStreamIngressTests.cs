using System.Net;
using System.Text;
using System.Text.Json;
using EKyc.Integration.Tests.Support;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace EKyc.Integration.Tests.Http;

/// <summary>
/// The platform's second way in: JSON batches published straight to JetStream land on the same account streams as
/// POST /v1/activity/stream. Bad messages are dropped without stalling the ones behind them; a republished batch
/// counts once.
/// </summary>
public sealed class JetStreamIngressTests
{
    [Fact]
    public async Task Json_published_to_the_ingress_subject_is_applied_once_and_bad_messages_do_not_block_it()
    {
        var url = EKyc.TestSupport.TestServers.NatsOrSkip();
        var run = Guid.NewGuid().ToString("N")[..10];
        var ingressStream = $"EKYC_IN_IT_{run}";
        var prefix = $"ekyc-it-in.{run}";
        await using var app = new EmbeddedApp(EmbeddedApp.NewDataDirectory(), new Dictionary<string, string?>
        {
            ["Streaming:Nats:Url"] = url,
            ["Streaming:Nats:StreamName"] = $"EKYC_IT_{run}",
            ["Streaming:Nats:SubjectPrefix"] = $"ekyc-it.{run}",
            ["Streaming:Nats:DurableNamePrefix"] = $"ekyc-it-{run}",
            ["Streaming:Nats:Ingress:StreamName"] = ingressStream,
            ["Streaming:Nats:Ingress:SubjectPrefix"] = prefix,
            ["Streaming:Nats:Ingress:DurableName"] = $"ekyc-it-in-{run}",
        });
        await using var nats = new NatsConnection(new NatsOpts { Url = url });
        try
        {
            var http = app.CreateClient();
            var applicantId = await ApiScenario.CreateApplicantAsync(http);
            await ApiScenario.ConsentAsync(http, applicantId);
            await ApiScenario.LinkAsync(http, applicantId, "acct-ingress-1");
            var js = new NatsJSContext(nats);

            // Wait for the silo to create the ingress stream, then publish: rubbish first, then invalid events, an
            // unknown tenant token, and finally the real batch twice (a platform retry).
            await WaitForStreamAsync(js, ingressStream);
            async Task PublishAsync(string subject, byte[] payload) =>
                (await js.PublishAsync(subject, payload, NatsRawSerializer<byte[]>.Default)).EnsureSuccess();
            await PublishAsync($"{prefix}.default", "{not json"u8.ToArray());
            await PublishAsync($"{prefix}.default", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { events = new[] { new { eventId = "", accountId = "acct-ingress-1", type = "Login" } } })));
            await PublishAsync($"{prefix}.Not_A_Tenant", Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ApiScenario.FailedLoginBurst("acct-ingress-1", "evt-wrong-tenant", DateTimeOffset.UtcNow.AddMinutes(-20)))));
            var burst = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(ApiScenario.FailedLoginBurst("acct-ingress-1", "evt-ingress", DateTimeOffset.UtcNow.AddMinutes(-10))));
            await PublishAsync($"{prefix}.default", burst);
            await PublishAsync($"{prefix}.default", burst);

            var account = await ActivityStreamTests.WaitForAccountAsync(http, "acct-ingress-1", a => a["status"].Text() == "Flagged", TimeSpan.FromSeconds(30));
            Assert.Equal(5, account["eventsSeen"]!.GetValue<int>());
            Assert.Equal("ReverificationDue", (await ApiScenario.GetAsync(http, $"/v1/applicants/{applicantId}"))["stage"].Text());

            // Every message was settled: the three bad ones terminated, the two good ones acknowledged.
            var consumer = await js.GetConsumerAsync(ingressStream, $"ekyc-it-in-{run}");
            for (var i = 0; i < 50 && (consumer.Info.NumAckPending > 0 || consumer.Info.NumPending > 0); i++)
            {
                await Task.Delay(100);
                await consumer.RefreshAsync();
            }
            Assert.Equal(0, consumer.Info.NumAckPending);
            Assert.Equal(0UL, consumer.Info.NumPending);
        }
        finally
        {
            var js = new NatsJSContext(nats);
            try { await js.DeleteStreamAsync(ingressStream); } catch (NatsJSApiException) { /* never created */ }
            try { await js.DeleteStreamAsync($"EKYC_IT_{run}"); } catch (NatsJSApiException) { /* never created */ }
        }
    }

    private static async Task WaitForStreamAsync(NatsJSContext js, string name)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await js.GetStreamAsync(name);
                return;
            }
            catch (NatsJSApiException e) when (e.Error.Code == 404 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }
}
