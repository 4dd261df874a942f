using EKyc.GrainInterfaces.Accounts;
using EKyc.Grains.Ports;
using EKyc.Streaming.Nats;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Silo.Adapters;

/// <summary>Account checkpoints on NATS JetStream: the covered messages are acknowledged (see <see cref="NatsStreamCheckpoints"/>).</summary>
internal sealed class JetStreamCheckpoints(IServiceProvider services) : IActivityCheckpoints
{
    private readonly NatsStreamCheckpoints _checkpoints = services.GetRequiredKeyedService<NatsStreamCheckpoints>(ActivityStreams.Provider);

    public ValueTask CommittedAsync(StreamId stream, IReadOnlyList<StreamSequenceToken> positions) => _checkpoints.CommitAsync(stream, positions);
}
