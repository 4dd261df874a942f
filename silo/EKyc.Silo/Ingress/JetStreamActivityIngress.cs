using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using EKyc.Api.Endpoints;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace EKyc.Silo.Ingress;

/// <summary>
/// Reads JSON activity batches the platform publishes to JetStream (<see cref="ActivityIngressOptions"/>), validates
/// them exactly as the HTTP endpoint does, and publishes them to the accounts' activity streams through the same
/// <see cref="ActivityPublisher"/>. A message is acknowledged once its events are on the account streams; one that can
/// never be valid (bad JSON, unknown tenant token, invalid events) is terminated and counted, never retried; one that
/// could not be published yet is redelivered after a pause.
/// </summary>
public sealed partial class JetStreamActivityIngress(
    IOptions<ActivityIngressOptions> options,
    IOptions<ApiOptions> api,
    IConfiguration configuration,
    IClusterClient cluster,
    TimeProvider clock,
    ILoggerFactory loggerFactory,
    ILogger<JetStreamActivityIngress> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        await using var nats = new NatsConnection(new NatsOpts
        {
            Url = configuration["Streaming:Nats:Url"]!,
            Name = "ekyc-activity-ingress",
            LoggerFactory = loggerFactory,
            RetryOnInitialConnect = true,
        });
        var js = new NatsJSContext(nats);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await js.CreateOrUpdateStreamAsync(new StreamConfig(o.StreamName, [$"{o.SubjectPrefix}.*"])
                {
                    Description = "Account activity published by the client platform (JSON batches)",
                    Retention = StreamConfigRetention.Limits,
                    Storage = StreamConfigStorage.File,
                    MaxAge = o.MaxAge,
                    DuplicateWindow = o.DuplicateWindow,
                }, stoppingToken);
                var consumer = await js.CreateOrUpdateConsumerAsync(o.StreamName, new ConsumerConfig(o.DurableName)
                {
                    AckPolicy = ConsumerConfigAckPolicy.Explicit,
                    AckWait = o.AckWait,
                    MaxDeliver = o.MaxDeliver,
                    DeliverPolicy = ConsumerConfigDeliverPolicy.All,
                }, stoppingToken);
                LogListening(logger, o.StreamName, o.SubjectPrefix);
                await foreach (var msg in consumer.ConsumeAsync(NatsRawSerializer<byte[]>.Default, cancellationToken: stoppingToken))
                {
                    await HandleAsync(msg, o);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogIngressFailed(logger, ex.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task HandleAsync(INatsJSMsg<byte[]> msg, ActivityIngressOptions o)
    {
        var sequence = msg.Metadata?.Sequence.Stream ?? 0;
        var tenant = msg.Subject.Length > o.SubjectPrefix.Length + 1 ? msg.Subject[(o.SubjectPrefix.Length + 1)..] : "";
        if (!TenantPattern().IsMatch(tenant))
        {
            await RejectAsync(msg, sequence, "invalid_tenant_subject");
            return;
        }
        ActivityBatchRequest? body;
        try
        {
            body = msg.Data is { Length: > 0 } data ? JsonSerializer.Deserialize<ActivityBatchRequest>(data, Json) : null;
        }
        catch (JsonException)
        {
            await RejectAsync(msg, sequence, "malformed_json");
            return;
        }
        if (body?.Events is not { Count: > 0 } items)
        {
            await RejectAsync(msg, sequence, "empty_batch");
            return;
        }
        if (items.Count > api.Value.MaxBatchEvents)
        {
            await RejectAsync(msg, sequence, "batch_too_large");
            return;
        }
        var (events, errors) = ActivityPublisher.Validate(items, clock.GetUtcNow());
        if (errors.Count > 0)
        {
            await RejectAsync(msg, sequence, "invalid_events");
            return;
        }
        try
        {
            await ActivityPublisher.PublishAsync(cluster, tenant, events);
        }
        catch (Exception ex)
        {
            // Back-pressure or a cluster in transition: JetStream offers it again after the pause (duplicates by
            // eventId of a partly published batch are not applied twice).
            LogRetry(logger, sequence, ex.GetType().Name);
            EKyc.Grains.ServiceMetrics.IngressBatches.Add(1, new KeyValuePair<string, object?>("outcome", "retried"));
            await msg.NakAsync(new AckOpts { NakDelay = TimeSpan.FromSeconds(1) });
            return;
        }
        await msg.AckAsync();
        EKyc.Grains.ServiceMetrics.IngressBatches.Add(1, new KeyValuePair<string, object?>("outcome", "published"));
    }

    private async Task RejectAsync(INatsJSMsg<byte[]> msg, ulong sequence, string reason)
    {
        // The sequence identifies the message for the platform's operators; its contents (personal data) are not logged.
        LogRejected(logger, sequence, reason);
        EKyc.Grains.ServiceMetrics.IngressBatches.Add(1, new KeyValuePair<string, object?>("outcome", reason));
        await msg.AckTerminateAsync();
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,62}$")]
    private static partial Regex TenantPattern();

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Activity ingress reading JetStream stream {Stream} (subjects {Prefix}.<tenant>)")]
    private static partial void LogListening(ILogger logger, string stream, string prefix);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Activity ingress message {Sequence} rejected: {Reason}")]
    private static partial void LogRejected(ILogger logger, ulong sequence, string reason);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Warning, Message = "Activity ingress message {Sequence} not published yet ({ErrorType}); redelivering")]
    private static partial void LogRetry(ILogger logger, ulong sequence, string errorType);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Warning, Message = "Activity ingress interrupted ({ErrorType}); reconnecting")]
    private static partial void LogIngressFailed(ILogger logger, string errorType);
}
