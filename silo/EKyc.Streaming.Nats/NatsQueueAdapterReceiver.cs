using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace EKyc.Streaming.Nats;

/// <summary>
/// Reads one queue (one subject) through its durable pull consumer. Every fetched message stays un-acknowledged until
/// the pulling agent reports it delivered to all consumers (<see cref="MessagesDeliveredAsync"/>): at-least-once.
/// <list type="bullet">
/// <item>Back-pressure: never more than <see cref="NatsStreamOptions.MaxAckPending"/> messages held un-acknowledged.</item>
/// <item>Messages held longer than a third of AckWait get an in-progress ack, so a slow consumer does not cause
/// redelivery while this silo still owns the queue; a silo that dies stops doing so and JetStream redelivers.</item>
/// <item>A message whose delivery failed, or that cannot be decoded, is redelivered after a delay until MaxDeliver,
/// then terminated and logged with its stream sequence (never its contents).</item>
/// <item>With <see cref="NatsAcknowledgement.ConsumerCheckpoint"/>, delivery does not acknowledge: the consumer's
/// checkpoint notice does (<see cref="CommitAsync"/>), by exact position. A delivered message is no longer kept alive,
/// so if its consumer's silo dies before a checkpoint covers it, JetStream redelivers it after AckWait.</item>
/// <item>At shutdown, held messages are negatively acknowledged (in stream order) so the queue's next owner gets them
/// at once, ahead of newer messages.</item>
/// </list>
/// Positions: the pulling agent's cache needs batches in increasing token order. A message read in stream order gets
/// the token (stream sequence, 0). A redelivery that arrives after newer messages (JetStream redelivers after AckWait
/// or a nak, e.g. after a silo died or a delivery failed) gets (highest sequence read so far, n × 65536): after
/// everything already cached, before the next new message. Its real stream sequence stays in
/// <see cref="NatsBatchContainer.StreamSequence"/>, and acks go by that.
/// </summary>
internal sealed partial class NatsQueueAdapterReceiver : IQueueAdapterReceiver, IDisposable
{
    private readonly QueueId _queueId;
    private readonly uint _queue;
    private readonly NatsJetStreamTransport _transport;
    private readonly NatsStreamOptions _options;
    private readonly Serializer<NatsBatchContainer> _serializer;
    private readonly NatsReceiverRegistry _registry;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private const int LateStride = 1 << 16;
    private readonly Dictionary<Position, Held> _held = [];
    private readonly CancellationTokenSource _stopping = new();
    private INatsJSConsumer? _consumer;
    private Task? _fetching;
    private Task? _keepAlive;
    private Task? _advisories;
    private volatile bool _closing;
    private long _highestInOrder;
    private int _lateSinceHighest;

    public NatsQueueAdapterReceiver(
        QueueId queueId,
        NatsJetStreamTransport transport,
        Serializer<NatsBatchContainer> serializer,
        NatsReceiverRegistry registry,
        ILogger logger)
    {
        _queueId = queueId;
        _queue = queueId.GetNumericId();
        _transport = transport;
        _options = transport.Options;
        _serializer = serializer;
        _registry = registry;
        _logger = logger;
    }

    public async Task Initialize(TimeSpan timeout)
    {
        _registry.Set(_queueId, this);
        _keepAlive = KeepHeldMessagesAliveAsync(_stopping.Token);
        _advisories = WatchMaxDeliveriesAsync(_stopping.Token);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        cts.CancelAfter(timeout);
        try
        {
            _consumer = await _transport.EnsureConsumerAsync(_queue, cts.Token);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            // Not fatal: the first read tries again, and the pulling agent backs off while it fails.
            LogConsumerInitFailed(ex, _options.DurableNameFor(_queue));
        }
    }

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount)
    {
        if (_closing) return [];
        var consumer = _consumer ??= await _transport.EnsureConsumerAsync(_queue, _stopping.Token);

        int budget;
        lock (_gate)
        {
            budget = Math.Min(maxCount > 0 ? maxCount : int.MaxValue, _options.FetchBatchSize);
            budget = Math.Min(budget, _options.MaxAckPending - _held.Count);
        }
        if (budget <= 0)
        {
            LogBackPressure(_queue, _options.MaxAckPending);
            return [];
        }

        var batches = new List<IBatchContainer>(Math.Min(budget, 64));
        var fetching = FetchAsync(consumer, budget, batches);
        _fetching = fetching;
        try
        {
            await fetching;
        }
        catch
        {
            // Look the consumer up again next time (it may have been deleted, or the server restarted).
            _consumer = null;
            throw;
        }
        finally
        {
            _fetching = null;
        }
        return batches;
    }

    private async Task FetchAsync(INatsJSConsumer consumer, int budget, List<IBatchContainer> batches)
    {
        try
        {
            // No-wait pull: returns what is there now (up to the budget) instead of waiting for a full batch. The
            // pulling agent polls again on its timer when a read comes back empty.
            var opts = new NatsJSFetchOpts { MaxMsgs = budget, Expires = _options.FetchExpiry };
            var redelivered = 0;
            await foreach (var msg in consumer.FetchNoWaitAsync(opts, NatsRawSerializer<byte[]>.Default, _stopping.Token))
            {
                if (msg.Metadata is { NumDelivered: > 1 }) redelivered++;
                var batch = await AcceptAsync(msg);
                if (batch is not null) batches.Add(batch);
            }
            if (redelivered > 0) LogRedelivered(_queue, redelivered, batches.Count);
        }
        catch (Exception ex) when (batches.Count > 0 || _stopping.IsCancellationRequested)
        {
            // Keep what was received (it is held and will be acknowledged or released); a failed read with nothing
            // received propagates so the pulling agent backs off.
            if (!_stopping.IsCancellationRequested) LogFetchInterrupted(ex, _queue, batches.Count);
        }
    }

    private async ValueTask<NatsBatchContainer?> AcceptAsync(INatsJSMsg<byte[]> msg)
    {
        if (msg.Metadata is not { } metadata)
        {
            LogNoMetadata(msg.Subject);
            return null;
        }
        var sequence = metadata.Sequence.Stream;
        var deliveries = metadata.NumDelivered;

        NatsBatchContainer? batch = null;
        Exception? error = msg.Error;
        if (error is null)
        {
            try
            {
                batch = msg.Data is { Length: > 0 } data ? _serializer.Deserialize(data) : null;
            }
            catch (Exception ex)
            {
                error = ex;
            }
        }
        if (batch is null)
        {
            // Not a batch this provider can read (garbage, or a type this silo does not know yet during a rolling
            // upgrade): let JetStream offer it again, to this or another silo, until MaxDeliver; then drop it loudly.
            await SettleFailedAsync(msg, sequence, deliveries, reason: "undecodable", error);
            return null;
        }

        batch.StreamSequence = sequence;
        lock (_gate)
        {
            var position = NextPosition(sequence);
            batch.Token = new EventSequenceTokenV2(position.Sequence, position.Index);
            _held[position] = new Held(msg, batch.StreamId, sequence, deliveries, Stopwatch.GetTimestamp());
        }
        return batch;
    }

    /// <summary>Monotonic cache position for a message (see the class summary). Called under the lock.</summary>
    private Position NextPosition(ulong streamSequence)
    {
        if ((long)streamSequence > _highestInOrder)
        {
            _highestInOrder = (long)streamSequence;
            _lateSinceHighest = 0;
            return new Position(_highestInOrder, 0);
        }
        if (_lateSinceHighest >= int.MaxValue / LateStride - 1)
        {
            // 32k late messages in a row: move on to the next sequence (a real message with that sequence will then
            // count as late itself, so positions never repeat).
            _highestInOrder++;
            _lateSinceHighest = 0;
            return new Position(_highestInOrder, 0);
        }
        _lateSinceHighest++;
        return new Position(_highestInOrder, _lateSinceHighest * LateStride);
    }

    private static Position PositionOf(StreamSequenceToken token) => new(token.SequenceNumber, token.EventIndex);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        List<Task>? acks = null;
        var onCheckpoint = _options.AcknowledgeOn == NatsAcknowledgement.ConsumerCheckpoint;
        foreach (var message in messages)
        {
            if (message is not NatsBatchContainer { Token: { } token }) continue;
            Held? held;
            lock (_gate)
            {
                if (onCheckpoint)
                {
                    // Applied, not yet durable: wait for the consumer's checkpoint, without keeping it alive.
                    if (_held.TryGetValue(PositionOf(token), out var waiting)) waiting.Delivered = true;
                    continue;
                }
                if (!_held.Remove(PositionOf(token), out held)) continue;
            }
            (acks ??= []).Add(AckAsync(held.Message, held.StreamSequence));
        }
        if (acks is not null) await Task.WhenAll(acks);
    }

    /// <summary>
    /// Acknowledges the notice's positions this receiver holds for that stream (a checkpoint may arrive before the
    /// pulling agent reports the delivery: it is acknowledged all the same); returns the positions it does not hold.
    /// </summary>
    internal async Task<IReadOnlyList<(long Sequence, int Index)>> CommitAsync(CheckpointNotice notice)
    {
        List<(long, int)>? remaining = null;
        List<Held>? acks = null;
        lock (_gate)
        {
            foreach (var (sequence, index) in notice.Positions)
            {
                var position = new Position(sequence, index);
                if (_held.TryGetValue(position, out var held) && held.Stream.Equals(notice.Stream))
                {
                    _held.Remove(position);
                    (acks ??= []).Add(held);
                }
                else
                {
                    (remaining ??= []).Add((sequence, index));
                }
            }
        }
        if (acks is not null) await Task.WhenAll(acks.Select(h => AckAsync(h.Message, h.StreamSequence)));
        return remaining ?? (IReadOnlyList<(long, int)>)[];
    }

    private async Task AckAsync(INatsJSMsg<byte[]> msg, ulong sequence)
    {
        try
        {
            await msg.AckAsync();
        }
        catch (Exception ex)
        {
            // Not lost: JetStream redelivers after AckWait, and the consumer sees it twice.
            LogAckFailed(ex, _queue, sequence);
        }
    }

    /// <summary>Called by the failure handler when the pulling agent gave up delivering this message to a consumer.</summary>
    internal async Task OnDeliveryFailedAsync(StreamSequenceToken token)
    {
        Held? held;
        lock (_gate)
        {
            if (!_held.Remove(PositionOf(token), out held))
            {
                LogFailureAlreadySettled(_queue, token.SequenceNumber, token.EventIndex);
                return;
            }
        }
        await SettleFailedAsync(held.Message, held.StreamSequence, held.Deliveries, reason: "delivery failed", error: null);
    }

    private async Task SettleFailedAsync(INatsJSMsg<byte[]> msg, ulong sequence, ulong deliveries, string reason, Exception? error)
    {
        try
        {
            if ((long)deliveries >= _options.MaxDeliver)
            {
                LogPoisonTerminated(error, _queue, sequence, deliveries, reason, msg.Size);
                await msg.AckTerminateAsync();
            }
            else
            {
                LogRedeliveryScheduled(error, _queue, sequence, deliveries, _options.MaxDeliver, reason);
                await msg.NakAsync(new AckOpts { NakDelay = _options.FailedDeliveryRedeliveryDelay });
            }
        }
        catch (Exception ex)
        {
            LogSettleFailed(ex, _queue, sequence);
        }
    }

    /// <summary>In-progress acks for held messages, so JetStream does not redeliver them while this silo owns the queue.</summary>
    private async Task KeepHeldMessagesAliveAsync(CancellationToken cancellationToken)
    {
        var period = _options.AckWait / 3;
        var giveUpAfter = _options.AckWait * 10;
        using var timer = new PeriodicTimer(period);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var now = Stopwatch.GetTimestamp();
                List<Held> due = [];
                int abandoned = 0, expired = 0;
                lock (_gate)
                {
                    foreach (var (position, held) in _held)
                    {
                        if (held.Delivered)
                        {
                            // Awaiting its consumer's checkpoint. Past AckWait JetStream redelivers it (the consumer
                            // died, or the notice was lost): the redelivery is the one to acknowledge now.
                            if (Stopwatch.GetElapsedTime(held.LastTouched, now) >= _options.AckWait)
                            {
                                _held.Remove(position);
                                expired++;
                            }
                        }
                        else if (Stopwatch.GetElapsedTime(held.ReceivedAt, now) > giveUpAfter)
                        {
                            // Held for ten AckWaits: something lost track of it. Stop holding it; JetStream redelivers.
                            _held.Remove(position);
                            abandoned++;
                        }
                        else if (Stopwatch.GetElapsedTime(held.LastTouched, now) >= period)
                        {
                            held.LastTouched = now;
                            due.Add(held);
                        }
                    }
                }
                if (abandoned > 0) LogAbandoned(_queue, abandoned, giveUpAfter);
                if (expired > 0) LogCheckpointOverdue(_queue, expired, _options.AckWait);
                foreach (var held in due)
                {
                    try
                    {
                        await held.Message.AckProgressAsync(cancellationToken: cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        LogProgressFailed(ex, _queue, held.StreamSequence);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// JetStream's advisory when it stops redelivering a message that reached MaxDeliver without an ack (e.g. silos
    /// kept dying while holding it): logged, so no message is dropped silently while a silo owns the queue.
    /// </summary>
    private async Task WatchMaxDeliveriesAsync(CancellationToken cancellationToken)
    {
        var subject = $"$JS.EVENT.ADVISORY.CONSUMER.MAX_DELIVERIES.{_options.StreamName}.{_options.DurableNameFor(_queue)}";
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var advisory in _transport.Connection.SubscribeAsync(subject, serializer: NatsRawSerializer<byte[]>.Default, cancellationToken: cancellationToken))
                {
                    if (advisory.Data is not { Length: > 0 } data) continue;
                    var (sequence, deliveries) = ReadMaxDeliveriesAdvisory(data);
                    lock (_gate)
                    {
                        foreach (var position in _held.Where(p => p.Value.StreamSequence == sequence).Select(p => p.Key).ToList()) _held.Remove(position);
                    }
                    LogMaxDeliveriesReached(_queue, sequence, deliveries);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogAdvisoryWatchFailed(ex, subject);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(5), cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    internal static (ulong Sequence, ulong Deliveries) ReadMaxDeliveriesAdvisory(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        ulong sequence = 0, deliveries = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
            if (reader.ValueTextEquals("stream_seq"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number) sequence = reader.GetUInt64();
            else if (reader.ValueTextEquals("deliveries"u8) && reader.Read() && reader.TokenType == JsonTokenType.Number) deliveries = reader.GetUInt64();
        }
        return (sequence, deliveries);
    }

    public async Task Shutdown(TimeSpan timeout)
    {
        _closing = true;
        _registry.Remove(_queueId, this);
        var deadline = Task.Delay(timeout);
        if (_fetching is { } fetching) await Task.WhenAny(fetching, deadline);
        await _stopping.CancelAsync();
        await Task.WhenAny(Task.WhenAll(_keepAlive ?? Task.CompletedTask, _advisories ?? Task.CompletedTask), deadline);

        // Held messages go back to JetStream now rather than after AckWait: the queue's next owner reads them first.
        List<Held> release;
        lock (_gate)
        {
            release = [.. _held.Values.DistinctBy(h => h.StreamSequence).OrderBy(h => h.StreamSequence)];
            _held.Clear();
        }
        if (release.Count > 0)
        {
            // In stream order, so JetStream offers them to the next owner in that order.
            var naks = Task.WhenAll(release.Select(h => NakQuietlyAsync(h.Message)));
            await Task.WhenAny(naks, deadline);
            LogReleased(_queue, release.Count);
        }
        Dispose();
    }

    public void Dispose() => _stopping.Dispose();

    private static async Task NakQuietlyAsync(INatsJSMsg<byte[]> msg)
    {
        try
        {
            await msg.NakAsync();
        }
        catch (Exception)
        {
            // JetStream redelivers after AckWait anyway.
        }
    }

    private readonly record struct Position(long Sequence, int Index);

    private sealed class Held(INatsJSMsg<byte[]> message, StreamId stream, ulong streamSequence, ulong deliveries, long receivedAt)
    {
        public INatsJSMsg<byte[]> Message { get; } = message;
        public StreamId Stream { get; } = stream;
        public bool Delivered { get; set; }
        public ulong StreamSequence { get; } = streamSequence;
        public ulong Deliveries { get; } = deliveries;
        public long ReceivedAt { get; } = receivedAt;
        public long LastTouched { get; set; } = receivedAt;
    }

    [LoggerMessage(EventId = 4110, Level = LogLevel.Warning, Message = "Could not create the JetStream consumer {Consumer}; retrying on the next read")]
    private partial void LogConsumerInitFailed(Exception exception, string consumer);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Debug, Message = "Queue {Queue}: {MaxAckPending} messages held un-acknowledged; not fetching until some are delivered")]
    private partial void LogBackPressure(uint queue, int maxAckPending);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Queue {Queue}: fetch interrupted after {Received} messages; keeping them")]
    private partial void LogFetchInterrupted(Exception exception, uint queue, int received);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Message on {Subject} has no JetStream metadata; ignored")]
    private partial void LogNoMetadata(string subject);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Information, Message = "Queue {Queue}: {Redelivered} of {Received} messages read were redeliveries")]
    private partial void LogRedelivered(uint queue, int redelivered, int received);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "Queue {Queue}: acknowledging stream sequence {Sequence} failed; JetStream will redeliver it")]
    private partial void LogAckFailed(Exception exception, uint queue, ulong sequence);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Debug, Message = "Queue {Queue}: delivery failure at position {Sequence}/{Index}, which is no longer held")]
    private partial void LogFailureAlreadySettled(uint queue, long sequence, int index);

    [LoggerMessage(EventId = 4117, Level = LogLevel.Error, Message = "Queue {Queue}: poison message at stream sequence {Sequence} dropped after {Deliveries} deliveries ({Reason}, {Size} bytes)")]
    private partial void LogPoisonTerminated(Exception? exception, uint queue, ulong sequence, ulong deliveries, string reason, int size);

    [LoggerMessage(EventId = 4118, Level = LogLevel.Warning, Message = "Queue {Queue}: stream sequence {Sequence} will be redelivered (delivery {Deliveries} of {MaxDeliver}: {Reason})")]
    private partial void LogRedeliveryScheduled(Exception? exception, uint queue, ulong sequence, ulong deliveries, int maxDeliver, string reason);

    [LoggerMessage(EventId = 4119, Level = LogLevel.Warning, Message = "Queue {Queue}: settling failed stream sequence {Sequence} failed; JetStream will redeliver it after AckWait")]
    private partial void LogSettleFailed(Exception exception, uint queue, ulong sequence);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "Queue {Queue}: {Count} messages held longer than {Limit}; released to JetStream redelivery")]
    private partial void LogAbandoned(uint queue, int count, TimeSpan limit);

    [LoggerMessage(EventId = 4125, Level = LogLevel.Warning, Message = "Queue {Queue}: {Count} delivered messages saw no consumer checkpoint within {AckWait}; JetStream redelivers them")]
    private partial void LogCheckpointOverdue(uint queue, int count, TimeSpan ackWait);

    [LoggerMessage(EventId = 4121, Level = LogLevel.Debug, Message = "Queue {Queue}: in-progress ack for stream sequence {Sequence} failed")]
    private partial void LogProgressFailed(Exception exception, uint queue, ulong sequence);

    [LoggerMessage(EventId = 4122, Level = LogLevel.Error, Message = "Queue {Queue}: JetStream stopped redelivering stream sequence {Sequence} after {Deliveries} deliveries without an ack")]
    private partial void LogMaxDeliveriesReached(uint queue, ulong sequence, ulong deliveries);

    [LoggerMessage(EventId = 4123, Level = LogLevel.Warning, Message = "Watching {Subject} failed; retrying")]
    private partial void LogAdvisoryWatchFailed(Exception exception, string subject);

    [LoggerMessage(EventId = 4124, Level = LogLevel.Information, Message = "Queue {Queue}: released {Count} held messages to JetStream at shutdown")]
    private partial void LogReleased(uint queue, int count);
}
