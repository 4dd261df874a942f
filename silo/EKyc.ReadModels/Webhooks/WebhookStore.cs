using Dapper;

namespace EKyc.ReadModels.Webhooks;

/// <summary>
/// Endpoints, the outbox and deliveries. Enqueueing is idempotent by event id (a replayed enqueue adds nothing) and
/// fans the event out to every active endpoint subscribed to its type, in one transaction.
/// </summary>
public sealed class WebhookStore(ReadModelDatabase database)
{
    public async Task AddEndpointAsync(WebhookEndpoint endpoint, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO ekyc_webhook_endpoints (endpoint_id, client_id, url, secret_sealed, event_types, active, created_at)
            VALUES (@EndpointId, @ClientId, @Url, @SecretSealed, @Types, 1, @CreatedAt)
            """, new { endpoint.EndpointId, endpoint.ClientId, endpoint.Url, endpoint.SecretSealed, Types = string.Join(',', endpoint.EventTypes), CreatedAt = endpoint.CreatedAt.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }

    public async Task<bool> DeactivateEndpointAsync(string clientId, string endpointId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE ekyc_webhook_endpoints SET active = 0 WHERE endpoint_id = @endpointId AND client_id = @clientId AND active = 1",
            new { endpointId, clientId }, cancellationToken: ct)) == 1;
    }

    public async Task<IReadOnlyList<WebhookEndpoint>> EndpointsAsync(string? clientId, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<EndpointRow>(new CommandDefinition(
            "SELECT endpoint_id AS EndpointId, client_id AS ClientId, url AS Url, secret_sealed AS SecretSealed, event_types AS EventTypes, active AS Active, created_at AS CreatedAt FROM ekyc_webhook_endpoints"
            + (clientId is null ? "" : " WHERE client_id = @clientId") + " ORDER BY created_at",
            new { clientId }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToEndpoint())];
    }

    public async Task EnqueueAsync(IReadOnlyList<OutboxEvent> events, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0) return;
        await using var connection = await database.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var endpoints = (await connection.QueryAsync<EndpointRow>(new CommandDefinition(
            "SELECT endpoint_id AS EndpointId, event_types AS EventTypes FROM ekyc_webhook_endpoints WHERE active = 1", transaction: transaction, cancellationToken: ct))).ToList();
        foreach (var e in events)
        {
            var inserted = await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO ekyc_outbox (event_id, event_type, subject_id, payload, created_at) VALUES (@EventId, @EventType, @SubjectId, @Payload, @CreatedAt)
                ON CONFLICT (event_id) DO NOTHING
                """, new { e.EventId, e.EventType, e.SubjectId, e.Payload, CreatedAt = e.CreatedAt.ToUnixTimeMilliseconds() }, transaction: transaction, cancellationToken: ct));
            if (inserted == 0) continue;
            foreach (var endpoint in endpoints.Where(x => x.EventTypes.Split(',').Contains(e.EventType, StringComparer.Ordinal)))
            {
                await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO ekyc_webhook_deliveries (event_id, endpoint_id, status, attempts, next_attempt_at) VALUES (@EventId, @EndpointId, 'pending', 0, @Now)
                    ON CONFLICT (event_id, endpoint_id) DO NOTHING
                    """, new { e.EventId, endpoint.EndpointId, Now = e.CreatedAt.ToUnixTimeMilliseconds() }, transaction: transaction, cancellationToken: ct));
            }
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Claims up to <paramref name="limit"/> due deliveries for <paramref name="lease"/>: their next attempt moves past
    /// the lease, so another silo polling at the same time skips them, and a crashed dispatcher's claims come due again.
    /// </summary>
    public async Task<IReadOnlyList<(WebhookDelivery Delivery, WebhookEndpoint Endpoint, OutboxEvent Event)>> ClaimDueAsync(DateTimeOffset now, TimeSpan lease, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var claimed = (await connection.QueryAsync<(string EventId, string EndpointId)>(new CommandDefinition("""
            UPDATE ekyc_webhook_deliveries SET next_attempt_at = @LeaseUntil
            WHERE status = 'pending' AND next_attempt_at <= @Now
              AND (event_id || '|' || endpoint_id) IN (
                  SELECT event_id || '|' || endpoint_id FROM ekyc_webhook_deliveries
                  WHERE status = 'pending' AND next_attempt_at <= @Now ORDER BY next_attempt_at LIMIT @Limit)
            RETURNING event_id AS EventId, endpoint_id AS EndpointId
            """, new { Now = now.ToUnixTimeMilliseconds(), LeaseUntil = (now + lease).ToUnixTimeMilliseconds(), Limit = limit }, cancellationToken: ct))).ToList();
        var result = new List<(WebhookDelivery, WebhookEndpoint, OutboxEvent)>();
        foreach (var (eventId, endpointId) in claimed)
        {
            var row = await connection.QuerySingleAsync<ClaimRow>(new CommandDefinition("""
                SELECT d.event_id AS EventId, d.endpoint_id AS EndpointId, o.event_type AS EventType, d.status AS Status, d.attempts AS Attempts,
                       d.next_attempt_at AS NextAttemptAt, o.subject_id AS SubjectId, o.payload AS Payload, o.created_at AS CreatedAt,
                       e.client_id AS ClientId, e.url AS Url, e.secret_sealed AS SecretSealed, e.event_types AS EventTypes, e.active AS Active, e.created_at AS EndpointCreatedAt
                FROM ekyc_webhook_deliveries d
                JOIN ekyc_outbox o ON o.event_id = d.event_id
                JOIN ekyc_webhook_endpoints e ON e.endpoint_id = d.endpoint_id
                WHERE d.event_id = @eventId AND d.endpoint_id = @endpointId
                """, new { eventId, endpointId }, cancellationToken: ct));
            result.Add(row.ToClaim());
        }
        return result;
    }

    public async Task RecordAttemptAsync(string eventId, string endpointId, bool delivered, bool giveUp, int? httpStatus, string? error, DateTimeOffset now, DateTimeOffset nextAttempt, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE ekyc_webhook_deliveries
            SET status = @Status, attempts = attempts + 1, last_status = @HttpStatus, last_error = @Error,
                next_attempt_at = @Next, delivered_at = @DeliveredAt
            WHERE event_id = @eventId AND endpoint_id = @endpointId
            """, new
        {
            Status = delivered ? "delivered" : giveUp ? "failed" : "pending",
            HttpStatus = httpStatus,
            Error = error is { Length: > 500 } ? error[..500] : error,
            Next = nextAttempt.ToUnixTimeMilliseconds(),
            DeliveredAt = delivered ? now.ToUnixTimeMilliseconds() : (long?)null,
            eventId,
            endpointId,
        }, cancellationToken: ct));
    }

    public async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(string? status, int limit, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var rows = await connection.QueryAsync<ClaimRow>(new CommandDefinition("""
            SELECT d.event_id AS EventId, d.endpoint_id AS EndpointId, o.event_type AS EventType, d.status AS Status, d.attempts AS Attempts,
                   d.next_attempt_at AS NextAttemptAt, d.last_status AS LastStatus, d.last_error AS LastError, d.delivered_at AS DeliveredAt
            FROM ekyc_webhook_deliveries d JOIN ekyc_outbox o ON o.event_id = d.event_id
            """ + (status is null ? "" : " WHERE d.status = @status") + " ORDER BY o.created_at DESC LIMIT @limit",
            new { status, limit }, cancellationToken: ct));
        return [.. rows.Select(r => r.ToDelivery())];
    }

    private sealed class EndpointRow
    {
        public string EndpointId { get; set; } = "";
        public string ClientId { get; set; } = "";
        public string Url { get; set; } = "";
        public string SecretSealed { get; set; } = "";
        public string EventTypes { get; set; } = "";
        public long Active { get; set; }
        public long CreatedAt { get; set; }

        public WebhookEndpoint ToEndpoint() =>
            new(EndpointId, ClientId, Url, SecretSealed, EventTypes.Split(',', StringSplitOptions.RemoveEmptyEntries), Active == 1, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt));
    }

    private sealed class ClaimRow
    {
        public string EventId { get; set; } = "";
        public string EndpointId { get; set; } = "";
        public string EventType { get; set; } = "";
        public string Status { get; set; } = "";
        public long Attempts { get; set; }
        public long NextAttemptAt { get; set; }
        public long? LastStatus { get; set; }
        public string? LastError { get; set; }
        public long? DeliveredAt { get; set; }
        public string SubjectId { get; set; } = "";
        public string Payload { get; set; } = "";
        public long CreatedAt { get; set; }
        public string ClientId { get; set; } = "";
        public string Url { get; set; } = "";
        public string SecretSealed { get; set; } = "";
        public string EventTypes { get; set; } = "";
        public long Active { get; set; }
        public long EndpointCreatedAt { get; set; }

        public WebhookDelivery ToDelivery() => new(EventId, EndpointId, EventType, Status, (int)Attempts,
            DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt), (int?)LastStatus, LastError,
            DeliveredAt is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null);

        public (WebhookDelivery, WebhookEndpoint, OutboxEvent) ToClaim() => (
            ToDelivery(),
            new WebhookEndpoint(EndpointId, ClientId, Url, SecretSealed, EventTypes.Split(','), Active == 1, DateTimeOffset.FromUnixTimeMilliseconds(EndpointCreatedAt)),
            new OutboxEvent(EventId, EventType, SubjectId, Payload, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt)));
    }
}
