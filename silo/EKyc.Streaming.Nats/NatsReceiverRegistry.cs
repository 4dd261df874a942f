using System.Collections.Concurrent;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// The live receiver of each queue in this process, so a queue's failure handler can reach its messages and a
/// checkpoint notice can reach the receiver holding them.
/// </summary>
internal sealed class NatsReceiverRegistry(Action? onFirstReceiver = null)
{
    private readonly ConcurrentDictionary<QueueId, NatsQueueAdapterReceiver> _receivers = new();

    public void Set(QueueId queue, NatsQueueAdapterReceiver receiver)
    {
        _receivers[queue] = receiver;
        onFirstReceiver?.Invoke();
    }

    public void Remove(QueueId queue, NatsQueueAdapterReceiver receiver) =>
        _receivers.TryRemove(new KeyValuePair<QueueId, NatsQueueAdapterReceiver>(queue, receiver));

    public NatsQueueAdapterReceiver? Get(QueueId queue) => _receivers.TryGetValue(queue, out var receiver) ? receiver : null;

    /// <summary>Acknowledges what this process holds of the notice; returns the positions it does not hold.</summary>
    public async Task<IReadOnlyList<(long Sequence, int Index)>> CommitAsync(CheckpointNotice notice)
    {
        IReadOnlyList<(long, int)> remaining = notice.Positions;
        foreach (var receiver in _receivers.Values)
        {
            if (remaining.Count == 0) break;
            remaining = await receiver.CommitAsync(notice with { Positions = remaining });
        }
        return remaining;
    }
}
