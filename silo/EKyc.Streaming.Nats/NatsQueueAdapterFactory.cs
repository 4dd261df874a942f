using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// The provider's factory: queue mapping (a hash ring over <see cref="NatsStreamOptions.QueueCount"/> queues), the
/// simple queue cache, the adapter and the per-queue failure handler.
/// </summary>
public sealed partial class NatsQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly NatsJetStreamTransport _transport;
    private readonly Serializer<NatsBatchContainer> _serializer;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly SimpleQueueAdapterCache _cache;
    private readonly NatsReceiverRegistry _receivers;

    public NatsQueueAdapterFactory(string name, NatsJetStreamTransport transport, NatsStreamCheckpoints checkpoints, Serializer serializer, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        _receivers = checkpoints.Receivers;
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _name = name;
        _transport = transport;
        _serializer = serializer.GetSerializer<NatsBatchContainer>();
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<NatsQueueAdapterFactory>();
        _mapper = new HashRingBasedStreamQueueMapper(new HashRingStreamQueueMapperOptions { TotalQueueCount = transport.Options.QueueCount }, name);
        _cache = new SimpleQueueAdapterCache(new SimpleQueueCacheOptions { CacheSize = transport.Options.CacheSize }, name, loggerFactory);
    }

    /// <summary>Used by <c>AddPersistentStreams</c>: the provider's options and connection come from DI by name.</summary>
    public static NatsQueueAdapterFactory Create(IServiceProvider services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new NatsQueueAdapterFactory(
            name,
            services.GetRequiredKeyedService<NatsJetStreamTransport>(name),
            services.GetRequiredKeyedService<NatsStreamCheckpoints>(name),
            services.GetRequiredService<Serializer>(),
            services.GetRequiredService<ILoggerFactory>());
    }

    public async Task<IQueueAdapter> CreateAdapter()
    {
        // Create the stream now if NATS is there; if not, publishing and reading create it when it comes back.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _transport.EnsureStreamAsync(timeout.Token);
        }
        catch (Exception ex)
        {
            LogStreamNotReady(ex, _name, _transport.Options.StreamName);
        }
        return new NatsQueueAdapter(_name, _transport, _mapper, _serializer, _receivers, _loggerFactory);
    }

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NatsStreamFailureHandler(queueId, _receivers,
            _loggerFactory.CreateLogger($"{typeof(NatsStreamFailureHandler).FullName}.{_name}")));

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Stream provider {Provider}: JetStream stream {Stream} could not be created or updated yet; retrying on first use")]
    private partial void LogStreamNotReady(Exception exception, string provider, string stream);
}
