using EKyc.TestSupport;
using Microsoft.Extensions.Configuration;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;

namespace EKyc.Streaming.Nats.Tests;

/// <summary>
/// A TestingHost cluster with the NATS provider on silos and client, on a JetStream stream, subjects and consumers
/// unique to this run (so runs never share messages), deleted again at the end.
/// </summary>
internal sealed class NatsTestCluster : IAsyncDisposable
{
    public const string Provider = "nats-test";
    public const int DefaultQueueCount = 4;
    public const int MaxDeliver = 3;

    private NatsTestCluster(TestCluster cluster, string run, string url, int queueCount)
    {
        Cluster = cluster;
        Run = run;
        Url = url;
        QueueCount = queueCount;
    }

    public int QueueCount { get; }

    public TestCluster Cluster { get; }

    public string Run { get; }

    public string Url { get; }

    public ReceivedLog Received => ReceivedLog.For(Run);

    public static string StreamName(string run) => $"EKYC_TEST_{run}";

    public static string SubjectPrefix(string run) => $"ekyctest.{run}";

    public static string DurablePrefix(string run) => $"ekyctest-{run}";

    public static async Task<NatsTestCluster> StartAsync(short silos, int cacheSize = 4096, int queueCount = DefaultQueueCount, int deliveryBatchSize = 1,
        NatsAcknowledgement acknowledgeOn = NatsAcknowledgement.Delivery)
    {
        var url = TestServers.NatsOrSkip();
        var run = Guid.NewGuid().ToString("N")[..12];
        var builder = new TestClusterBuilder(silos);
        builder.Properties["NatsTest:Url"] = url;
        builder.Properties["NatsTest:Run"] = run;
        builder.Properties["NatsTest:CacheSize"] = cacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Properties["NatsTest:QueueCount"] = queueCount.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Properties["NatsTest:DeliveryBatchSize"] = deliveryBatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        builder.Properties["NatsTest:AcknowledgeOn"] = acknowledgeOn.ToString();
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return new NatsTestCluster(cluster, run, url, queueCount);
    }

    public IAsyncStream<ActivityItem> Stream(Guid key, string streamNamespace = ActivityProbeGrain.Namespace) =>
        Cluster.Client.GetStreamProvider(Provider).GetStream<ActivityItem>(StreamId.Create(streamNamespace, key));

    /// <summary>Publishes raw bytes (not a batch container) straight onto every queue's subject.</summary>
    public async Task PublishGarbageAsync(byte[] payload)
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = Url });
        var js = new NatsJSContext(nats);
        for (var queue = 0; queue < QueueCount; queue++)
        {
            var ack = await js.PublishAsync($"{SubjectPrefix(Run)}.{queue}", payload, NatsRawSerializer<byte[]>.Default);
            ack.EnsureSuccess();
        }
    }

    /// <summary>Messages still pending or un-acknowledged over all the run's consumers.</summary>
    public async Task<(ulong Pending, long AckPending)> BacklogAsync()
    {
        await using var nats = new NatsConnection(new NatsOpts { Url = Url });
        var js = new NatsJSContext(nats);
        ulong pending = 0;
        long ackPending = 0;
        for (var queue = 0; queue < QueueCount; queue++)
        {
            try
            {
                var consumer = await js.GetConsumerAsync(StreamName(Run), $"{DurablePrefix(Run)}-{queue}");
                pending += consumer.Info.NumPending;
                ackPending += consumer.Info.NumAckPending;
            }
            catch (NatsJSApiException e) when (e.Error.Code == 404)
            {
                // No receiver created this queue's consumer (yet).
            }
        }
        return (pending, ackPending);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Cluster.StopAllSilosAsync();
        }
        finally
        {
            await Cluster.DisposeAsync();
            ReceivedLog.Forget(Run);
            DurableLog.Forget(Run);
            await using var nats = new NatsConnection(new NatsOpts { Url = Url });
            try
            {
                await new NatsJSContext(nats).DeleteStreamAsync(StreamName(Run));
            }
            catch (NatsJSApiException)
            {
                // Never created.
            }
        }
    }

    private static void Configure(NatsStreamOptions o, IConfiguration configuration)
    {
        var run = configuration["NatsTest:Run"]!;
        o.Url = configuration["NatsTest:Url"]!;
        o.StreamName = StreamName(run);
        o.SubjectPrefix = SubjectPrefix(run);
        o.DurableNamePrefix = DurablePrefix(run);
        o.QueueCount = int.Parse(configuration["NatsTest:QueueCount"]!, System.Globalization.CultureInfo.InvariantCulture);
        o.AckWait = TimeSpan.FromSeconds(2);
        o.MaxDeliver = MaxDeliver;
        o.FailedDeliveryRedeliveryDelay = TimeSpan.FromMilliseconds(200);
        o.MaxAge = TimeSpan.FromMinutes(10);
        o.DuplicateWindow = TimeSpan.FromMinutes(1);
        o.CacheSize = int.Parse(configuration["NatsTest:CacheSize"]!, System.Globalization.CultureInfo.InvariantCulture);
        o.AcknowledgeOn = Enum.Parse<NatsAcknowledgement>(configuration["NatsTest:AcknowledgeOn"]!);
    }

    public sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var configuration = siloBuilder.Configuration;
            siloBuilder.AddNatsStreams(Provider, o => NatsTestCluster.Configure(o, configuration), stream =>
            {
                stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly);
                // Give up on a failing consumer quickly, so poison tests finish in seconds.
                stream.ConfigurePullingAgent(ob => ob.Configure(p =>
                {
                    p.MaxEventDeliveryTime = TimeSpan.FromSeconds(1);
                    p.BatchContainerBatchSize = int.Parse(configuration["NatsTest:DeliveryBatchSize"]!, System.Globalization.CultureInfo.InvariantCulture);
                }));
            });
        }
    }

    public sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddNatsStreams(Provider, o => NatsTestCluster.Configure(o, configuration),
                stream => stream.ConfigureStreamPubSub(StreamPubSubType.ImplicitOnly));
    }
}

internal static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout}: {describe()}");
            await Task.Delay(50);
        }
    }

    public static async Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Timed out after {timeout}: {describe()}");
            await Task.Delay(100);
        }
    }
}
