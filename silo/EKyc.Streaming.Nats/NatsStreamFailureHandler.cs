using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Called by the pulling agent once it has given up delivering a batch to one subscription (after its own retries for
/// <c>StreamPullingAgentOptions.MaxEventDeliveryTime</c>). Logs it, keeps the subscription alive (later events still
/// flow) and hands the message back to JetStream for redelivery until MaxDeliver, after which it is dropped and logged
/// as poison by the receiver.
/// </summary>
internal sealed partial class NatsStreamFailureHandler(QueueId queueId, NatsReceiverRegistry receivers, ILogger logger) : IStreamFailureHandler
{
    private readonly ILogger _logger = logger;

    public bool ShouldFaultSubsriptionOnError => false;

    public Task OnDeliveryFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        var sequence = sequenceToken?.SequenceNumber ?? -1;
        LogDeliveryFailure(streamProviderName, streamIdentity, subscriptionId, queueId.GetNumericId(), sequence);
        if (sequenceToken is null) return Task.CompletedTask;
        var receiver = receivers.Get(queueId);
        return receiver is null ? Task.CompletedTask : receiver.OnDeliveryFailedAsync(sequenceToken);
    }

    public Task OnSubscriptionFailure(GuidId subscriptionId, string streamProviderName, StreamId streamIdentity, StreamSequenceToken? sequenceToken)
    {
        var sequence = sequenceToken?.SequenceNumber ?? -1;
        LogSubscriptionFailure(streamProviderName, streamIdentity, subscriptionId, queueId.GetNumericId(), sequence);
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Error, Message = "Stream provider {Provider}: delivery to subscription {Subscription} of stream {StreamId} failed (queue {Queue}, position {Sequence}); the subscription continues and the message goes back to JetStream")]
    private partial void LogDeliveryFailure(string provider, StreamId streamId, GuidId subscription, uint queue, long sequence);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Error, Message = "Stream provider {Provider}: subscription {Subscription} to stream {StreamId} could not be established (queue {Queue}, position {Sequence})")]
    private partial void LogSubscriptionFailure(string provider, StreamId streamId, GuidId subscription, uint queue, long sequence);
}
