using EKyc.Grains.Ports;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Silo.Adapters;

/// <summary>
/// Checkpoints on memory streams: a memory queue hands a message over once and keeps nothing to acknowledge, so there
/// is nothing to tell it. Activity applied after an account's last checkpoint (at most Monitoring:Checkpoint:MaxDelay)
/// is lost with the process, as the queued messages are: the embedded default trades that for speed; NATS JetStream
/// does not (see <see cref="EKyc.Grains.Accounts.CheckpointOptions"/>).
/// </summary>
internal sealed class UnacknowledgedStreamCheckpoints : IActivityCheckpoints
{
    public ValueTask CommittedAsync(StreamId stream, IReadOnlyList<StreamSequenceToken> positions) => ValueTask.CompletedTask;
}
