using System.Collections.Concurrent;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>The live receiver of each queue in this process, so a queue's failure handler can reach its messages.</summary>
internal sealed class NatsReceiverRegistry
{
    private readonly ConcurrentDictionary<QueueId, NatsQueueAdapterReceiver> _receivers = new();

    public void Set(QueueId queue, NatsQueueAdapterReceiver receiver) => _receivers[queue] = receiver;

    public void Remove(QueueId queue, NatsQueueAdapterReceiver receiver) =>
        _receivers.TryRemove(new KeyValuePair<QueueId, NatsQueueAdapterReceiver>(queue, receiver));

    public NatsQueueAdapterReceiver? Get(QueueId queue) => _receivers.TryGetValue(queue, out var receiver) ? receiver : null;
}
