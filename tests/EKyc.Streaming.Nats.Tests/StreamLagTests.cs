using System.Diagnostics.Metrics;
using EKyc.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using NATS.Client.JetStream;

namespace EKyc.Streaming.Nats.Tests;

/// <summary>The stream-lag gauge reads the durable consumers' pending counts from a real JetStream server.</summary>
public sealed class StreamLagTests
{
    [Fact]
    public async Task Lag_counts_waiting_and_fetched_but_unacknowledged_messages_per_queue_and_reaches_the_gauge()
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var options = new NatsStreamOptions
        {
            Url = TestServers.NatsOrSkip(),
            StreamName = $"LAG_{run}",
            SubjectPrefix = $"lag.{run}",
            DurableNamePrefix = $"lag-{run}",
            QueueCount = 2,
        };
        await using var transport = new NatsJetStreamTransport("lag", options, NullLoggerFactory.Instance);
        var js = new NatsJSContext(transport.Connection);
        try
        {
            var queue0 = await transport.EnsureConsumerAsync(0, CancellationToken.None);
            await transport.EnsureConsumerAsync(1, CancellationToken.None);
            for (var i = 0; i < 7; i++) await transport.PublishAsync(options.SubjectFor(0), [1], $"{run}-a{i}", CancellationToken.None);
            for (var i = 0; i < 3; i++) await transport.PublishAsync(options.SubjectFor(1), [1], $"{run}-b{i}", CancellationToken.None);

            var services = new ServiceCollection().AddMetrics().AddLogging();
            services.AddKeyedSingleton("lag", transport);
            NatsStreamLag.Register(services, "lag");
            await using var provider = services.BuildServiceProvider();
            var lag = (NatsStreamLag)provider.GetServices<IHostedService>().Single();

            Assert.Equal(new Dictionary<string, long> { ["0/waiting"] = 7, ["0/in_flight"] = 0, ["1/waiting"] = 3, ["1/in_flight"] = 0 },
                ByQueue(await lag.ReadAsync(js, CancellationToken.None)));

            // Two messages fetched and held: they move from waiting to in flight until acknowledged.
            var held = new List<INatsJSMsg<byte[]>>();
            await foreach (var msg in queue0.FetchNoWaitAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 2 })) held.Add(msg);
            Assert.Equal(2, held.Count);
            Assert.Equal(new Dictionary<string, long> { ["0/waiting"] = 5, ["0/in_flight"] = 2, ["1/waiting"] = 3, ["1/in_flight"] = 0 },
                ByQueue(await lag.ReadAsync(js, CancellationToken.None)));
            foreach (var msg in held) await msg.AckAsync(new AckOpts { DoubleAck = true });
            Assert.Equal(0, ByQueue(await lag.ReadAsync(js, CancellationToken.None))["0/in_flight"]);

            // Started as a hosted service, the first read lands in the gauge that /metrics exports.
            await lag.StartAsync(CancellationToken.None);
            var observed = new Dictionary<string, long>();
            await Eventually.HoldsAsync(() =>
            {
                observed = Observe();
                return observed.GetValueOrDefault("0/waiting") == 5 && observed.GetValueOrDefault("1/waiting") == 3;
            }, TimeSpan.FromSeconds(10), () => $"gauge reported {string.Join(", ", observed)}");
            await lag.StopAsync(CancellationToken.None);
        }
        finally
        {
            await js.DeleteStreamAsync(options.StreamName);
        }
    }

    private static Dictionary<string, long> ByQueue(IEnumerable<Measurement<long>> measurements) =>
        measurements.ToDictionary(m => $"{Tag(m.Tags, "queue")}/{Tag(m.Tags, "state")}", m => m.Value);

    private static string? Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags) if (tag.Key == key) return tag.Value?.ToString();
        return null;
    }

    /// <summary>What a metrics exporter would collect from the gauge right now (only this test's provider).</summary>
    private static Dictionary<string, long> Observe()
    {
        var values = new Dictionary<string, long>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == "EKyc" && instrument.Name == "ekyc.stream.lag") l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            if (Tag(tags, "provider") == "lag") values[$"{Tag(tags, "queue")}/{Tag(tags, "state")}"] = value;
        });
        listener.Start();
        listener.RecordObservableInstruments();
        return values;
    }
}
