using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Stream lag as the gauge <c>ekyc.stream.lag</c> (meter "EKyc"): per provider and queue, the messages JetStream holds
/// for the queue's durable consumer that were not yet fetched (<c>state=waiting</c>) and those fetched but not yet
/// acknowledged, i.e. not yet delivered to the account grains (<c>state=in_flight</c>). Both come from the consumer's
/// info on the server, so every silo reports the same numbers: aggregate with max, not sum, across silos.
/// The server is asked every <see cref="Interval"/> (one request per queue) rather than on each scrape, because a
/// gauge callback cannot wait for the network; a failed read reports nothing rather than a stale value.
/// </summary>
internal sealed partial class NatsStreamLag : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    private readonly string _provider;
    private readonly NatsJetStreamTransport _transport;
    private readonly ILogger _logger;
    private volatile IReadOnlyList<Measurement<long>> _latest = [];

    private NatsStreamLag(string provider, NatsJetStreamTransport transport, IMeterFactory meters, ILoggerFactory loggerFactory)
    {
        _provider = provider;
        _transport = transport;
        _logger = loggerFactory.CreateLogger<NatsStreamLag>();
        // The service meter's name, so the host's metrics pipeline exports it with the other service measurements.
        meters.Create("EKyc").CreateObservableGauge("ekyc.stream.lag", () => _latest, "{message}",
            "Stream messages not yet processed, by provider, queue and state (waiting in JetStream, in_flight = fetched, not acknowledged)");
    }

    /// <summary>Adds the lag reader of provider <paramref name="providerName"/> to a silo.</summary>
    public static void Register(IServiceCollection services, string providerName) =>
        services.AddSingleton<IHostedService>(sp => new NatsStreamLag(providerName,
            sp.GetRequiredKeyedService<NatsJetStreamTransport>(providerName),
            sp.GetRequiredService<IMeterFactory>(), sp.GetRequiredService<ILoggerFactory>()));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var js = new NatsJSContext(_transport.Connection);
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                _latest = await ReadAsync(js, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _latest = [];
                LogReadFailed(ex, _provider);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One read of every queue's consumer; a queue whose consumer does not exist yet is left out.</summary>
    internal async Task<IReadOnlyList<Measurement<long>>> ReadAsync(INatsJSContext js, CancellationToken cancellationToken)
    {
        var options = _transport.Options;
        var measurements = new List<Measurement<long>>(options.QueueCount * 2);
        for (uint queue = 0; queue < options.QueueCount; queue++)
        {
            INatsJSConsumer consumer;
            try
            {
                consumer = await js.GetConsumerAsync(options.StreamName, options.DurableNameFor(queue), cancellationToken);
            }
            catch (NatsJSApiException ex) when (ex.Error.Code == 404)
            {
                continue;
            }
            var queueTag = new KeyValuePair<string, object?>("queue", queue.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var providerTag = new KeyValuePair<string, object?>("provider", _provider);
            measurements.Add(new((long)consumer.Info.NumPending, providerTag, queueTag, new("state", "waiting")));
            measurements.Add(new(consumer.Info.NumAckPending, providerTag, queueTag, new("state", "in_flight")));
        }
        return measurements;
    }

    /// <summary>The last read, as the gauge reports it.</summary>
    internal IReadOnlyList<Measurement<long>> Latest => _latest;

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Stream provider {Provider}: could not read the JetStream consumers' pending counts; stream lag is not reported until the next read")]
    private partial void LogReadFailed(Exception exception, string provider);
}
