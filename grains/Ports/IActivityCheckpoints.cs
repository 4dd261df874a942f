using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Grains.Ports;

/// <summary>
/// Tells the activity stream which of its messages an account grain's last state write covers, so a durable stream
/// can acknowledge exactly those. The positions are the tokens the grain received; a stream that keeps nothing to
/// acknowledge (memory streams) ignores them.
/// </summary>
public interface IActivityCheckpoints
{
    ValueTask CommittedAsync(StreamId stream, IReadOnlyList<StreamSequenceToken> positions);
}
