using Microsoft.Extensions.DependencyInjection;

namespace EKyc.Streaming.Nats.Tests;

/// <summary>Silos leaving and joining while items are being published: at-least-once, no loss.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Items_survive_a_silo_stopping_and_another_joining_mid_stream()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        const int perStream = 120;
        var log = test.Received;

        var publishing = Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key);
            for (var i = 0; i < perStream; i++)
            {
                await stream.OnNextAsync(new ActivityItem(test.Run, i));
                await Task.Delay(10);
            }
        }));

        await Eventually.HoldsAsync(() => log.Total >= streams.Count * perStream / 4, TimeSpan.FromSeconds(20), () => "publishing stalled");
        await test.Cluster.StopSiloAsync(test.Cluster.SecondarySilos[0]);
        var atStop = log.Total;
        await Eventually.HoldsAsync(() => log.Total >= atStop + streams.Count * perStream / 4, TimeSpan.FromSeconds(20), () => "delivery stalled after the stop");
        await test.Cluster.StartAdditionalSiloAsync();
        await publishing;

        await Eventually.HoldsAsync(() => streams.All(k => log.Distinct(k) == perStream), TimeSpan.FromSeconds(25),
            () => $"distinct received {streams.Sum(log.Distinct)} of {streams.Count * perStream}; {Missing(log, streams, perStream)}; backlog {test.BacklogAsync().GetAwaiter().GetResult()}");
        await Task.Delay(500);
        var duplicates = log.Total - streams.Count * perStream;
        var outOfOrder = streams.Count(k => !IsAscending(FirstOccurrences(log.Items(k))));
        output.WriteLine($"items {streams.Count * perStream}, received {log.Total}, duplicates {duplicates}, streams out of order {outOfOrder}");
        foreach (var key in streams) Assert.Equal(Enumerable.Range(0, perStream), log.Items(key).Distinct().Order());
        Assert.True(duplicates >= 0);
    }

    [Fact]
    public async Task Items_held_by_a_killed_silo_are_redelivered_after_ack_wait()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        const int perStream = 80;
        var log = test.Received;

        var publishing = Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key);
            for (var i = 0; i < perStream; i++)
            {
                await stream.OnNextAsync(new ActivityItem(test.Run, i));
                await Task.Delay(10);
            }
        }));

        await Eventually.HoldsAsync(() => log.Total >= streams.Count * perStream / 3, TimeSpan.FromSeconds(20), () => "publishing stalled");
        // A crash: the silo loses its NATS connection first, so it neither acknowledges nor releases what it holds
        // (an in-process kill would still run the receivers' shutdown). JetStream must redeliver after AckWait.
        var victim = test.Cluster.SecondarySilos[0];
        await test.Cluster.GetSiloServiceProvider(victim.SiloAddress)
            .GetRequiredKeyedService<NatsJetStreamTransport>(NatsTestCluster.Provider).DisposeAsync();
        await test.Cluster.KillSiloAsync(victim);
        await publishing;

        await Eventually.HoldsAsync(() => streams.All(k => log.Distinct(k) == perStream), TimeSpan.FromSeconds(40),
            () => $"distinct received {streams.Sum(log.Distinct)} of {streams.Count * perStream}; {Missing(log, streams, perStream)}; backlog {test.BacklogAsync().GetAwaiter().GetResult()}");
        var duplicates = log.Total - streams.Count * perStream;
        output.WriteLine($"items {streams.Count * perStream}, received {log.Total}, duplicates {duplicates}");
        foreach (var key in streams) Assert.Equal(Enumerable.Range(0, perStream), log.Items(key).Distinct().Order());
    }

    [Fact]
    public async Task With_checkpoint_acknowledgement_what_a_killed_silo_applied_but_never_wrote_is_redelivered()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2, acknowledgeOn: NatsAcknowledgement.ConsumerCheckpoint);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        const int perStream = 80;
        var durable = DurableLog.For(test.Run);
        int Written() => streams.Sum(k => durable.Items(k).Count);

        var publishing = Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key, CheckpointingProbeGrain.Namespace);
            for (var i = 0; i < perStream; i++)
            {
                await stream.OnNextAsync(new ActivityItem(test.Run, i));
                await Task.Delay(10);
            }
        }));

        await Eventually.HoldsAsync(() => Written() >= streams.Count * perStream / 3, TimeSpan.FromSeconds(20), () => "publishing stalled");
        // As above, a crash: no acknowledgement, no release, and the probes' unwritten items die with the silo.
        var victim = test.Cluster.SecondarySilos[0];
        await test.Cluster.GetSiloServiceProvider(victim.SiloAddress)
            .GetRequiredKeyedService<NatsJetStreamTransport>(NatsTestCluster.Provider).DisposeAsync();
        await test.Cluster.KillSiloAsync(victim);
        await publishing;

        await Eventually.HoldsAsync(() => streams.All(k => durable.Items(k).Distinct().Count() == perStream), TimeSpan.FromSeconds(40),
            () => $"written {streams.Sum(k => durable.Items(k).Distinct().Count())} of {streams.Count * perStream}; backlog {test.BacklogAsync().GetAwaiter().GetResult()}");
        // Every item written exactly once: redeliveries of written items are recognised, unwritten ones applied.
        foreach (var key in streams) Assert.Equal(Enumerable.Range(0, perStream), durable.Items(key).Order());
        await Eventually.HoldsAsync(async () => (await test.BacklogAsync()) == (0UL, 0L), TimeSpan.FromSeconds(10),
            () => $"backlog {test.BacklogAsync().GetAwaiter().GetResult()}: covered messages must all be acknowledged");
    }

    private static string Missing(ReceivedLog log, List<Guid> streams, int perStream) =>
        string.Join(" | ", streams.Select(k => (k, missing: Enumerable.Range(0, perStream).Except(log.Items(k)).ToList()))
            .Where(x => x.missing.Count > 0).Select(x => $"{x.k:N}: [{string.Join(",", x.missing)}] of [{string.Join(",", log.Items(x.k))}]"));

    private static List<int> FirstOccurrences(IReadOnlyList<int> items)
    {
        var seen = new HashSet<int>();
        return [.. items.Where(seen.Add)];
    }

    private static bool IsAscending(List<int> items) => items.Zip(items.Skip(1)).All(p => p.First < p.Second);
}
