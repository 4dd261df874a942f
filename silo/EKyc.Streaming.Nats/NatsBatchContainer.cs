using Orleans;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// One JetStream message: the events of one <c>OnNextAsync</c>/<c>OnNextBatchAsync</c> call with the producer's
/// request context, written with Orleans' serializer. The receiver sets <see cref="StreamSequence"/> and the sequence
/// token when it reads the message (they are not published). The container is also what the pulling agent sends to
/// consumer grains, which is why those have field ids.
/// </summary>
[GenerateSerializer]
[Alias("EKyc.Streaming.Nats.NatsBatchContainer")]
public sealed class NatsBatchContainer : IBatchContainer
{
    public NatsBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)]
    public StreamId StreamId { get; }

    [Id(1)]
    public List<object> Events { get; }

    [Id(2)]
    public Dictionary<string, object>? RequestContext { get; }

    /// <summary>
    /// The batch's position in its queue: the JetStream stream sequence for messages read in stream order (every
    /// message in normal operation); see <see cref="NatsQueueAdapterReceiver"/> for redeliveries that arrive late.
    /// </summary>
    [Id(3)]
    public EventSequenceTokenV2? Token { get; set; }

    /// <summary>JetStream stream sequence of the message this batch came from (0 before it was received).</summary>
    [Id(4)]
    public ulong StreamSequence { get; set; }

    public StreamSequenceToken SequenceToken =>
        Token ?? throw new InvalidOperationException("The batch has no sequence token: it was not received from JetStream.");

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>()
    {
        var token = Token ?? throw new InvalidOperationException("The batch has no sequence token: it was not received from JetStream.");
        for (var i = 0; i < Events.Count; i++)
        {
            if (Events[i] is T item) yield return Tuple.Create<T, StreamSequenceToken>(item, new EventSequenceTokenV2(token.SequenceNumber, token.EventIndex + i));
        }
    }

    public bool ImportRequestContext()
    {
        if (RequestContext is null) return false;
        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    public override string ToString() => $"NatsBatchContainer(stream={StreamId}, seq={StreamSequence}, events={Events.Count})";
}
