namespace EKyc.Streaming.Nats.Tests;

/// <summary>Normal operation and bad messages on a 2-silo cluster.</summary>
public sealed class DeliveryTests
{
    [Fact]
    public async Task Every_item_arrives_exactly_once_and_in_order_per_stream()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2);
        var streams = Enumerable.Range(0, 16).Select(_ => Guid.NewGuid()).ToList();
        const int perStream = 60;

        // Streams in parallel, each one's items in order (as one account's activity would be).
        await Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key);
            for (var i = 0; i < perStream; i++) await stream.OnNextAsync(new ActivityItem(test.Run, i));
        }));

        var log = test.Received;
        await Eventually.HoldsAsync(() => log.Total >= streams.Count * perStream, TimeSpan.FromSeconds(20),
            () => $"received {log.Total} of {streams.Count * perStream}");
        await Task.Delay(500); // room for a duplicate to show up
        foreach (var key in streams) Assert.Equal(Enumerable.Range(0, perStream), log.Items(key));
        Assert.Equal(streams.Count * perStream, log.Total);
        await Eventually.HoldsAsync(async () => await test.BacklogAsync() == (0, 0), TimeSpan.FromSeconds(5),
            () => "consumers still have pending or un-acknowledged messages");
    }

    [Fact]
    public async Task A_consumer_failing_on_one_item_does_not_stop_later_items_and_the_item_is_dropped_after_max_deliver()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2);
        var key = Guid.NewGuid();
        var stream = test.Stream(key);
        for (var i = 0; i < 30; i++) await stream.OnNextAsync(new ActivityItem(test.Run, i, Poison: i == 10));

        var log = test.Received;
        var expected = Enumerable.Range(0, 30).Where(i => i != 10).ToList();
        await Eventually.HoldsAsync(() => log.Total >= expected.Count, TimeSpan.FromSeconds(20),
            () => $"received {log.Total} of {expected.Count}");
        Assert.Equal(expected, log.Items(key));

        // JetStream offers the poison item MaxDeliver times, then the receiver terminates it: nothing stays pending.
        await Eventually.HoldsAsync(async () => await test.BacklogAsync() == (0, 0), TimeSpan.FromSeconds(20),
            () => $"poison item still pending after {log.PoisonAttempts} attempts");
        Assert.True(log.PoisonAttempts >= NatsTestCluster.MaxDeliver, $"poison attempted {log.PoisonAttempts} times");
        Assert.Equal(expected, log.Items(key));
    }

    [Fact]
    public async Task An_undecodable_message_on_a_queue_does_not_stop_later_messages()
    {
        await using var test = await NatsTestCluster.StartAsync(silos: 2);
        var streams = Enumerable.Range(0, 8).Select(_ => Guid.NewGuid()).ToList();
        async Task PublishAsync(int from, int to) => await Task.WhenAll(streams.Select(async key =>
        {
            var stream = test.Stream(key);
            for (var i = from; i < to; i++) await stream.OnNextAsync(new ActivityItem(test.Run, i));
        }));

        await PublishAsync(0, 10);
        await test.PublishGarbageAsync("not an Orleans batch"u8.ToArray());
        await PublishAsync(10, 20);

        var log = test.Received;
        await Eventually.HoldsAsync(() => log.Total >= streams.Count * 20, TimeSpan.FromSeconds(20),
            () => $"received {log.Total} of {streams.Count * 20}");
        foreach (var key in streams) Assert.Equal(Enumerable.Range(0, 20), log.Items(key));
        // The garbage is offered MaxDeliver times, then terminated: nothing stays pending.
        await Eventually.HoldsAsync(async () => await test.BacklogAsync() == (0, 0), TimeSpan.FromSeconds(15),
            () => "garbage still pending");
    }
}
