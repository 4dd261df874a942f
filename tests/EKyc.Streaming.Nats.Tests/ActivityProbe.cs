using System.Collections.Concurrent;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace EKyc.Streaming.Nats.Tests;

/// <summary>An account-activity-like event; <see cref="Poison"/> makes the consumer grain throw on it.</summary>
[GenerateSerializer]
[Alias("EKyc.Streaming.Nats.Tests.ActivityItem")]
public sealed record ActivityItem([property: Id(0)] string Run, [property: Id(1)] int Index, [property: Id(2)] bool Poison = false);

public interface IActivityProbeGrain : IGrainWithGuidKey
{
    Task PingAsync();
}

/// <summary>
/// Implicitly subscribed to every stream of <see cref="Namespace"/>: records what it receives in a process-wide log
/// (the TestingHost silos run in this process), which survives the grain moving to another silo.
/// </summary>
[ImplicitStreamSubscription(Namespace)]
public sealed class ActivityProbeGrain : Grain, IActivityProbeGrain, IStreamSubscriptionObserver, IAsyncObserver<ActivityItem>
{
    public const string Namespace = "ekyc-activity-test";

    public Task PingAsync() => Task.CompletedTask;

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        ArgumentNullException.ThrowIfNull(handleFactory);
        await handleFactory.Create<ActivityItem>().ResumeAsync(this);
    }

    public Task OnNextAsync(ActivityItem item, StreamSequenceToken? token = null)
    {
        ArgumentNullException.ThrowIfNull(item);
        var log = ReceivedLog.For(item.Run);
        if (item.Poison)
        {
            log.PoisonAttempt();
            throw new InvalidOperationException("This item is poison.");
        }
        log.Record(this.GetPrimaryKey(), item.Index);
        return Task.CompletedTask;
    }

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex) => Task.CompletedTask;
}

/// <summary>What the probe grains received in one test run, per stream, in arrival order.</summary>
public sealed class ReceivedLog
{
    private static readonly ConcurrentDictionary<string, ReceivedLog> Runs = new();
    private readonly ConcurrentDictionary<Guid, List<int>> _streams = new();
    private int _total;
    private int _poisonAttempts;

    public static ReceivedLog For(string run) => Runs.GetOrAdd(run, _ => new ReceivedLog());

    public static void Forget(string run) => Runs.TryRemove(run, out _);

    public int Total => Volatile.Read(ref _total);

    public int PoisonAttempts => Volatile.Read(ref _poisonAttempts);

    public void Record(Guid stream, int index)
    {
        var items = _streams.GetOrAdd(stream, _ => []);
        lock (items) items.Add(index);
        Interlocked.Increment(ref _total);
    }

    public void PoisonAttempt() => Interlocked.Increment(ref _poisonAttempts);

    public IReadOnlyList<int> Items(Guid stream)
    {
        if (!_streams.TryGetValue(stream, out var items)) return [];
        lock (items) return [.. items];
    }

    public int Distinct(Guid stream) => Items(stream).Distinct().Count();
}
