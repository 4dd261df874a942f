using EKyc.Grains;
using EKyc.Grains.Ports;
using EKyc.ReadModels.Webhooks;

namespace EKyc.Silo.Adapters;

/// <summary>Wires the grains' outbox port to the webhook outbox tables.</summary>
internal sealed class WebhookOutbox(WebhookStore store) : IOutbox
{
    public Task EnqueueAsync(IReadOnlyList<PendingEvent> events, CancellationToken cancellationToken) =>
        store.EnqueueAsync([.. events.Select(e => new OutboxEvent(e.EventId, e.EventType, e.SubjectId, e.Payload, e.CreatedAt))], cancellationToken);
}
