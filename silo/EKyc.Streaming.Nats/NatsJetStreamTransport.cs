using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace EKyc.Streaming.Nats;

/// <summary>
/// One NATS connection per provider and process (silo or client), with the JetStream stream and consumers the provider
/// uses. Creating the stream and the consumers is idempotent (create or update), so every silo and client may do it at
/// start. Registered in DI per provider name, so the host disposes the connection when it stops.
/// </summary>
public sealed partial class NatsJetStreamTransport : IAsyncDisposable
{
    private readonly NatsConnection _connection;
    private readonly NatsJSContext _js;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _streamGate = new(1, 1);
    private volatile bool _streamReady;

    public NatsJetStreamTransport(string providerName, NatsStreamOptions options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        options.Validate(providerName);
        ProviderName = providerName;
        Options = options;
        _logger = loggerFactory.CreateLogger<NatsJetStreamTransport>();
        _connection = new NatsConnection(new NatsOpts
        {
            Url = options.Url,
            Name = $"orleans-streams-{providerName}",
            LoggerFactory = loggerFactory,
            // The silo may start before NATS does: keep trying instead of failing the first call for good.
            RetryOnInitialConnect = true,
        });
        _js = new NatsJSContext(_connection);
    }

    public string ProviderName { get; }

    public NatsStreamOptions Options { get; }

    internal NatsConnection Connection => _connection;

    /// <summary>Creates or updates the stream covering <c>{SubjectPrefix}.*</c> (once per process while it succeeds).</summary>
    public async Task EnsureStreamAsync(CancellationToken cancellationToken)
    {
        if (_streamReady) return;
        await _streamGate.WaitAsync(cancellationToken);
        try
        {
            if (_streamReady) return;
            var config = new StreamConfig(Options.StreamName, [$"{Options.SubjectPrefix}.*"])
            {
                Description = $"Orleans persistent streams of provider '{ProviderName}'",
                Retention = StreamConfigRetention.Limits,
                Storage = StreamConfigStorage.File,
                NumReplicas = Options.Replicas,
                MaxAge = Options.MaxAge,
                DuplicateWindow = Options.DuplicateWindow,
                Discard = StreamConfigDiscard.Old,
            };
            await _js.CreateOrUpdateStreamAsync(config, cancellationToken);
            _streamReady = true;
            LogStreamReady(Options.StreamName, Options.SubjectPrefix);
        }
        finally
        {
            _streamGate.Release();
        }
    }

    /// <summary>Creates or updates the durable pull consumer of one queue (explicit acks, in stream order).</summary>
    public async Task<INatsJSConsumer> EnsureConsumerAsync(uint queue, CancellationToken cancellationToken)
    {
        await EnsureStreamAsync(cancellationToken);
        var name = Options.DurableNameFor(queue);
        var config = new ConsumerConfig(name)
        {
            Description = $"Orleans pulling agent of provider '{ProviderName}', queue {queue}",
            FilterSubject = Options.SubjectFor(queue),
            DeliverPolicy = ConsumerConfigDeliverPolicy.All,
            AckPolicy = ConsumerConfigAckPolicy.Explicit,
            AckWait = Options.AckWait,
            MaxDeliver = Options.MaxDeliver,
            MaxAckPending = Options.MaxAckPending,
            ReplayPolicy = ConsumerConfigReplayPolicy.Instant,
        };
        try
        {
            return await _js.CreateOrUpdateConsumerAsync(Options.StreamName, config, cancellationToken);
        }
        catch
        {
            _streamReady = false; // the stream may be gone (e.g. a server that lost its storage): create it again
            throw;
        }
    }

    /// <summary>Publishes one message and waits for JetStream's acknowledgement; throws when it is not stored.</summary>
    public async Task<ulong> PublishAsync(string subject, byte[] payload, string messageId, CancellationToken cancellationToken)
    {
        await EnsureStreamAsync(cancellationToken);
        try
        {
            var ack = await _js.PublishAsync(
                subject,
                payload,
                serializer: NatsRawSerializer<byte[]>.Default,
                // The message id makes a retried publish (the client's own, or the producer's) a no-op within the
                // stream's duplicate window.
                opts: new NatsJSPubOpts { MsgId = messageId, RetryAttempts = 2 },
                cancellationToken: cancellationToken);
            ack.EnsureSuccess();
            return ack.Seq;
        }
        catch
        {
            _streamReady = false; // check the stream exists before the next publish
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _streamGate.Dispose();
    }

    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "JetStream stream {Stream} ready for subjects {SubjectPrefix}.*")]
    private partial void LogStreamReady(string stream, string subjectPrefix);
}
