using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Publishes each batch (one <c>OnNextAsync</c> or <c>OnNextBatchAsync</c>) as one JetStream message on its queue's
/// subject and waits for the stream's acknowledgement: when the call returns the events are stored; when it throws,
/// the producer sees the failure.
/// </summary>
internal sealed partial class NatsQueueAdapter(
    string name,
    NatsJetStreamTransport transport,
    IStreamQueueMapper mapper,
    Serializer<NatsBatchContainer> serializer,
    NatsReceiverRegistry receivers,
    ILoggerFactory loggerFactory) : IQueueAdapter
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<NatsQueueAdapter>();

    public string Name => name;

    /// <summary>Rewind is limited to what the pulling agent's cache holds, so the provider does not claim it.</summary>
    public bool IsRewindable => false;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (token is not null)
            throw new ArgumentException("The NATS stream provider assigns sequence tokens itself; producers cannot supply one.", nameof(token));
        var queue = mapper.GetQueueForStream(streamId).GetNumericId();
        var subject = transport.Options.SubjectFor(queue);
        var payload = serializer.SerializeToArray(new NatsBatchContainer(streamId, [.. events.Cast<object>()], requestContext));
        using var timeout = new CancellationTokenSource(transport.Options.PublishTimeout);
        try
        {
            await transport.PublishAsync(subject, payload, Guid.NewGuid().ToString("N"), timeout.Token);
        }
        catch (Exception ex)
        {
            LogPublishFailed(ex, name, streamId, subject);
            throw;
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new NatsQueueAdapterReceiver(queueId, transport, serializer, receivers,
            loggerFactory.CreateLogger($"{typeof(NatsQueueAdapterReceiver).FullName}.{name}"));

    [LoggerMessage(EventId = 4140, Level = LogLevel.Error, Message = "Stream provider {Provider}: publishing to stream {StreamId} on {Subject} failed")]
    private partial void LogPublishFailed(Exception exception, string provider, StreamId streamId, string subject);
}
