using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using Orleans.Runtime;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Where a consumer reports that a state write covers some of its stream's messages (providers configured with
/// <see cref="NatsAcknowledgement.ConsumerCheckpoint"/>). The receiver holding them in this process acknowledges them
/// at once; otherwise the notice goes over core NATS to the other silos. A lost notice costs a redelivery (after
/// AckWait), which the consumer recognises as already applied, never an event.
/// One per provider and process (keyed by provider name).
/// </summary>
public sealed partial class NatsStreamCheckpoints : IAsyncDisposable
{
    private readonly NatsJetStreamTransport _transport;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private int _listening;
    private Task? _listener;

    public NatsStreamCheckpoints(NatsJetStreamTransport transport, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(transport);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _transport = transport;
        _logger = loggerFactory.CreateLogger<NatsStreamCheckpoints>();
        // Only processes that read queues (silos) listen, and only for providers that acknowledge on checkpoints.
        Receivers = new NatsReceiverRegistry(transport.Options.AcknowledgeOn == NatsAcknowledgement.ConsumerCheckpoint ? Listen : null);
    }

    internal NatsReceiverRegistry Receivers { get; }

    /// <summary>The positions (tokens the consumer received) of <paramref name="stream"/> that a state write now covers.</summary>
    public async ValueTask CommitAsync(StreamId stream, IReadOnlyList<StreamSequenceToken> positions)
    {
        ArgumentNullException.ThrowIfNull(positions);
        if (positions.Count == 0) return;
        var notice = CheckpointNotice.From(stream, positions);
        var remaining = await Receivers.CommitAsync(notice);
        if (remaining.Count == 0) return;
        try
        {
            await _transport.Connection.PublishAsync(_transport.Options.CheckpointSubject,
                (notice with { Positions = remaining }).Encode(), serializer: NatsRawSerializer<byte[]>.Default);
        }
        catch (Exception ex)
        {
            LogNoticeFailed(ex, remaining.Count);
        }
    }

    /// <summary>Starts reading other silos' notices (once; called when this process gets its first receiver).</summary>
    internal void Listen()
    {
        if (Interlocked.Exchange(ref _listening, 1) == 1) return;
        _listener = ListenAsync(_stopping.Token);
    }

    private async Task ListenAsync(CancellationToken cancellationToken)
    {
        var subject = _transport.Options.CheckpointSubject;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var msg in _transport.Connection.SubscribeAsync(subject, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken))
                {
                    if (msg.Data is { Length: > 0 } data && CheckpointNotice.Decode(data) is { } notice) await Receivers.CommitAsync(notice);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenFailed(ex, subject);
                try { await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        if (_listener is { } listener)
        {
            try { await listener; }
            catch (OperationCanceledException) { }
        }
        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 4130, Level = LogLevel.Warning, Message = "Publishing a checkpoint notice for {Count} positions failed; JetStream redelivers them after AckWait")]
    private partial void LogNoticeFailed(Exception exception, int count);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Warning, Message = "Reading checkpoint notices on {Subject} failed; retrying")]
    private partial void LogListenFailed(Exception exception, string subject);
}
