using System.Text;
using EKyc.ReadModels.Webhooks;
using EKyc.Security;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Webhooks;

/// <summary>
/// Delivers outbox events to client endpoints, signed (<see cref="WebhookSignature"/>), with exponential backoff and
/// jitter. Runs in every silo; claims are leases in the database, so silos share the work without double delivery
/// in normal operation (a crash mid-delivery can repeat one: receivers de-duplicate by event id).
/// </summary>
internal sealed partial class WebhookDispatcher(
    WebhookStore store,
    EnvelopeCipher cipher,
    IHttpClientFactory http,
    IOptions<WebhookOptions> options,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger) : BackgroundService
{
    public const string HttpClientName = "webhooks";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var due = await store.ClaimDueAsync(clock.GetUtcNow(), o.Timeout * 3, o.BatchSize, stoppingToken);
                await Task.WhenAll(due.Select(d => DeliverAsync(d.Delivery, d.Endpoint, d.Event, stoppingToken)));
                if (due.Count == o.BatchSize) continue; // more are waiting
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogPollFailed(logger, e);
            }
            try
            {
                await Task.Delay(o.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task DeliverAsync(WebhookDelivery delivery, WebhookEndpoint endpoint, OutboxEvent e, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        int? status = null;
        string? error = null;
        if (!endpoint.Active)
        {
            await store.RecordAttemptAsync(e.EventId, endpoint.EndpointId, delivered: false, giveUp: true, null, "endpoint deactivated", now, now, ct);
            return;
        }
        try
        {
            var secret = cipher.Open(Convert.FromBase64String(endpoint.SecretSealed));
            var body = Encoding.UTF8.GetBytes(e.Payload);
            using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(secret, now.ToUnixTimeSeconds(), body));
            request.Headers.Add("EKyc-Event-Id", e.EventId);
            request.Headers.Add("EKyc-Event-Type", e.EventType);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(o.Timeout);
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                await store.RecordAttemptAsync(e.EventId, endpoint.EndpointId, delivered: true, giveUp: false, status, null, now, now, ct);
                LogDelivered(logger, e.EventId, endpoint.EndpointId, status.Value);
                EKyc.Grains.ServiceMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("result", "delivered"));
                return;
            }
            error = $"HTTP {status}";
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Security.Cryptography.CryptographicException or FormatException)
        {
            error = ex.GetType().Name;
        }
        var attempts = delivery.Attempts + 1;
        var giveUp = attempts >= o.MaxAttempts;
        var backoff = TimeSpan.FromTicks(Math.Min(o.MaxBackoff.Ticks, o.BaseBackoff.Ticks * (1L << Math.Min(attempts - 1, 30))));
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * backoff.TotalMilliseconds * 0.2);
        await store.RecordAttemptAsync(e.EventId, endpoint.EndpointId, delivered: false, giveUp, status, error, now, now + backoff + jitter, ct);
        EKyc.Grains.ServiceMetrics.WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("result", giveUp ? "gave_up" : "retry"));
        LogFailed(logger, e.EventId, endpoint.EndpointId, attempts, error ?? "", giveUp);
    }

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Webhook {EventId} delivered to {EndpointId} ({Status})")]
    private static partial void LogDelivered(ILogger logger, string eventId, string endpointId, int status);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "Webhook {EventId} to {EndpointId} failed attempt {Attempt}: {Error}; given up: {GivenUp}")]
    private static partial void LogFailed(ILogger logger, string eventId, string endpointId, int attempt, string error, bool givenUp);

    [LoggerMessage(EventId = 4003, Level = LogLevel.Error, Message = "Webhook dispatcher poll failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
