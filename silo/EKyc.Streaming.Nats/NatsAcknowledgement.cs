namespace EKyc.Streaming.Nats;

/// <summary>When the receiver acknowledges a JetStream message (see <see cref="NatsStreamOptions.AcknowledgeOn"/>).</summary>
public enum NatsAcknowledgement
{
    /// <summary>After the pulling agent delivered it to every consumer (consumers write state per message).</summary>
    Delivery,

    /// <summary>After its consumer reported a state write covering it (consumers checkpoint).</summary>
    ConsumerCheckpoint,
}
