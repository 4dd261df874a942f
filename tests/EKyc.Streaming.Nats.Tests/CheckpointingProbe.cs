using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace EKyc.Streaming.Nats.Tests;

public interface ICheckpointingProbeGrain : IGrainWithGuidKey
{
    Task PingAsync();
}

/// <summary>
/// A consumer that checkpoints like the account grain: items are applied in memory, written to <see cref="DurableLog"/>
/// (its "database", which outlives silos) every few items or on a timer, and only then reported to the provider as
/// covered. What a killed silo had applied but not written is gone, and must come back as a redelivery.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class CheckpointingProbeGrain : Grain, ICheckpointingProbeGrain, IStreamSubscriptionObserver, IAsyncObserver<ActivityItem>
{
    public const string Namespace = "ekyc-checkpoint-test";
    private const int EveryItems = 10;
    private readonly List<int> _unsaved = [];
    private readonly List<StreamSequenceToken> _uncommitted = [];
    private HashSet<int>? _seen;
    private StreamId _stream;
    private string _run = "";

    public Task PingAsync() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        _stream = handleFactory.StreamId;
        this.RegisterGrainTimer(static (g, _) => g.CheckpointAsync(), this, new GrainTimerCreationOptions(TimeSpan.FromMilliseconds(300), TimeSpan.FromMilliseconds(300)));
        await handleFactory.Create<ActivityItem>().ResumeAsync(this);
    }

    public async Task OnNextAsync(ActivityItem item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        _run = item.Run;
        // What was written is what a new activation knows: the de-duplication starts from the durable log.
        _seen ??= [.. DurableLog.For(item.Run).Items(this.GetPrimaryKey())];
        if (token is not null) _uncommitted.Add(token);
        if (_seen.Add(item.Index)) _unsaved.Add(item.Index);
        if (_unsaved.Count >= EveryItems || _unsaved.Count == 0) await CheckpointAsync();
    }

    private async Task CheckpointAsync()
    {
        if (_uncommitted.Count == 0) return;
        foreach (var index in _unsaved) DurableLog.For(_run).Record(this.GetPrimaryKey(), index);
        _unsaved.Clear();
        var positions = _uncommitted.ToArray();
        _uncommitted.Clear();
        await ServiceProvider.GetRequiredKeyedService<NatsStreamCheckpoints>(NatsTestCluster.Provider).CommitAsync(_stream, positions);
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>What the checkpointing probes wrote, per stream (process-wide: the TestingHost silos run in this process).</summary>
public sealed class DurableLog
{
    private static readonly ConcurrentDictionary<string, DurableLog> Runs = new();
    private readonly ConcurrentDictionary<Guid, List<int>> _streams = new();

    public static DurableLog For(string run) => Runs.GetOrAdd(run, _ => new DurableLog());

    public static void Forget(string run) => Runs.TryRemove(run, out _);

    public void Record(Guid stream, int index)
    {
        var items = _streams.GetOrAdd(stream, _ => []);
        lock (items) items.Add(index);
    }

    public IReadOnlyList<int> Items(Guid stream)
    {
        if (!_streams.TryGetValue(stream, out var items)) return [];
        lock (items) return [.. items];
    }
}
