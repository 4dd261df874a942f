namespace EKyc.ReadModels.Webhooks;

/// <summary>An event for the client platform, as queued in the outbox. Payload is JSON with ids and codes only.</summary>
public sealed record OutboxEvent(string EventId, string EventType, string SubjectId, string Payload, DateTimeOffset CreatedAt);

/// <summary>A registered client endpoint; the secret stays sealed until a delivery is signed.</summary>
public sealed record WebhookEndpoint(string EndpointId, string ClientId, string Url, string SecretSealed, IReadOnlyList<string> EventTypes, bool Active, DateTimeOffset CreatedAt);

/// <summary>One delivery of one event to one endpoint: the delivery log's row.</summary>
public sealed record WebhookDelivery(string EventId, string EndpointId, string EventType, string Status, int Attempts,
    DateTimeOffset NextAttemptAt, int? LastStatus, string? LastError, DateTimeOffset? DeliveredAt);

/// <summary>Event types a client can subscribe to.</summary>
public static class WebhookEventTypes
{
    public const string ApplicantDecided = "applicant.decided";
    public const string ReverificationRequired = "applicant.reverification_required";
    public const string AccountFlagged = "account.flagged";

    public static readonly IReadOnlyList<string> All = [ApplicantDecided, ReverificationRequired, AccountFlagged];
}
