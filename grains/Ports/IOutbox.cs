namespace EKyc.Grains.Ports;

/// <summary>Where grains hand events for the client platform (webhooks). Idempotent by event id.</summary>
public interface IOutbox
{
    Task EnqueueAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken);
}
