using Orleans;

namespace EKyc.Grains;

/// <summary>
/// An event for the client platform, first written with the grain's own state (so a crash cannot lose it), then
/// handed to the outbox, which ignores repeats by id.
/// </summary>
[GenerateSerializer, Immutable, Alias("ekyc.PendingEvent")]
public sealed record PendingEvent(
    [property: Id(0)] string EventId,
    [property: Id(1)] string EventType,
    [property: Id(2)] string SubjectId,
    [property: Id(3)] string Payload,
    [property: Id(4)] DateTimeOffset CreatedAt);

internal static class PendingEvents
{
    /// <summary>
    /// Hands the events to the outbox and forgets them in memory; the persisted copy is dropped by the grain's next
    /// write, and a repeat after a crash is harmless because the outbox is idempotent.
    /// </summary>
    public static async Task FlushAsync(this List<PendingEvent> pending, Ports.IOutbox outbox)
    {
        if (pending.Count == 0) return;
        await outbox.EnqueueAsync([.. pending], CancellationToken.None);
        pending.Clear();
    }

    public static PendingEvent Create(string type, string subjectId, DateTimeOffset at, object data)
    {
        var id = $"evt_{Guid.CreateVersion7():N}";
        var payload = System.Text.Json.JsonSerializer.Serialize(new { eventId = id, type, occurredAt = at, subjectId, data });
        return new PendingEvent(id, type, subjectId, payload, at);
    }
}
