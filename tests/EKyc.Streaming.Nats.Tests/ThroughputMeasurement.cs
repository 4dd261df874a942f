using System.Diagnostics;

namespace EKyc.Streaming.Nats.Tests;

/// <summary>
/// Opt-in end-to-end throughput: EKYC_NATS_BENCH_EVENTS=50000 publishes that many events from the cluster client
/// through a 1-silo cluster (EKYC_NATS_BENCH_STREAMS streams, one sequential producer each, default 256) and times
/// until the implicit subscribers have received them all. Not part of the suite's assertions.
/// </summary>
public sealed class ThroughputMeasurement(ITestOutputHelper output)
{
    [Fact]
    public async Task Events_per_second_end_to_end()
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("EKYC_NATS_BENCH_EVENTS"), out var events) || events <= 0)
            Assert.Skip("Set EKYC_NATS_BENCH_EVENTS (e.g. 50000) to measure throughput.");
        var streamCount = int.TryParse(Environment.GetEnvironmentVariable("EKYC_NATS_BENCH_STREAMS"), out var s) ? s : 256;
        var queueCount = int.TryParse(Environment.GetEnvironmentVariable("EKYC_NATS_BENCH_QUEUES"), out var q) ? q : 8;
        var deliveryBatch = int.TryParse(Environment.GetEnvironmentVariable("EKYC_NATS_BENCH_DELIVERY_BATCH"), out var d) ? d : 1;
        await using var test = await NatsTestCluster.StartAsync(silos: 1, queueCount: queueCount, deliveryBatchSize: deliveryBatch);
        var streams = Enumerable.Range(0, streamCount).Select(_ => Guid.NewGuid()).ToList();
        var perStream = events / streamCount;
        var total = perStream * streamCount;

        // Warm-up: activate every consumer grain and the pulling agents' stream registrations.
        await Task.WhenAll(streams.Select(k => test.Stream(k).OnNextAsync(new ActivityItem(test.Run, -1))));
        var log = test.Received;
        await Eventually.HoldsAsync(() => log.Total >= streamCount, TimeSpan.FromSeconds(30), () => "warm-up");

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key);
            for (var i = 0; i < perStream; i++) await stream.OnNextAsync(new ActivityItem(test.Run, i));
        }));
        var published = clock.Elapsed;
        await Eventually.HoldsAsync(() => log.Total >= streamCount + total, TimeSpan.FromSeconds(300), () => $"received {log.Total - streamCount} of {total}");
        var received = clock.Elapsed;

        var line = $"events {total}, streams {streamCount}, queues {queueCount}, delivery batch {deliveryBatch}: published in {published.TotalSeconds:F2} s ({total / published.TotalSeconds:F0}/s), " +
            $"all received in {received.TotalSeconds:F2} s ({total / received.TotalSeconds:F0} events/s end to end), duplicates {log.Total - streamCount - total}";
        output.WriteLine(line);
        Console.Error.WriteLine(line);
    }
}
