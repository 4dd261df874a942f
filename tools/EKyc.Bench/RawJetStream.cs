using System.Diagnostics;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace EKyc.Bench;

/// <summary>
/// The baseline the stream provider is compared with: the same JetStream server, a plain publisher awaiting each
/// acknowledgement from 32 concurrent publishers, then a pull consumer acknowledging every message. No Orleans, no grains.
/// </summary>
internal static class RawJetStream
{
    public static async Task<double> MeasureAsync(string url, int messages)
    {
        await using var connection = new NatsConnection(new NatsOpts { Url = url, Name = "ekyc-bench-raw" });
        var js = new NatsJSContext(connection);
        var name = $"EKYC_RAW_{Guid.NewGuid():N}"[..22];
        var subject = $"ekyc-raw.{Guid.NewGuid():N}"[..20];
        await js.CreateStreamAsync(new StreamConfig(name, [subject]) { Storage = StreamConfigStorage.File });
        try
        {
            var payload = new byte[600]; // about the size of a serialised batch of a few events
            var watch = Stopwatch.StartNew();
            var next = 0;
            await Parallel.ForEachAsync(Enumerable.Range(0, 32), async (_, ct) =>
            {
                while (Interlocked.Increment(ref next) <= messages)
                {
                    var ack = await js.PublishAsync(subject, payload, cancellationToken: ct);
                    ack.EnsureSuccess();
                }
            });
            var consumer = await js.CreateOrUpdateConsumerAsync(name, new ConsumerConfig("raw") { AckPolicy = ConsumerConfigAckPolicy.Explicit, MaxAckPending = 10_000 });
            var received = 0;
            while (received < messages)
            {
                await foreach (var msg in consumer.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(2) }))
                {
                    await msg.AckAsync();
                    received++;
                }
            }
            return messages / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            await js.DeleteStreamAsync(name);
        }
    }
}
