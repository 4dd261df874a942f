using System.Globalization;
using System.Threading.Channels;
using EKyc.Grains.Ports;
using EKyc.Monitoring.Features;
using EKyc.Monitoring.Scoring;
using EKyc.ReadModels.Monitoring;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Monitoring;

/// <summary>
/// The account grains' anomaly model. Holds the current model (swapped atomically when a newer one appears), samples
/// normal-looking feature vectors into the database through a bounded queue (a full queue drops samples, never
/// blocks a grain), and periodically trains a new RandomizedPca model on the recent samples.
/// </summary>
internal sealed partial class AnomalyScorerService(
    AnomalyModelStore store,
    IOptions<AnomalyTrainingOptions> options,
    IOptions<RiskThresholds> risk,
    TimeProvider time,
    ILogger<AnomalyScorerService> logger) : BackgroundService, IAnomalyScorer
{
    private readonly Channel<FeatureVector> _samples = Channel.CreateBounded<FeatureVector>(
        new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });
    private volatile Loaded? _current;

    public string? ModelVersion => _current?.Version;

    public AnomalyScore? Score(FeatureVector features) => _current?.Model.Score(features, risk.Value.TopContributors);

    public void Offer(FeatureVector features)
    {
        if (Random.Shared.NextDouble() >= options.Value.SampleRate) return;
        // A fixed budget per second (MaxSamplesPerSecond): the second's counter resets when the second changes.
        var second = Environment.TickCount64 / 1000;
        if (Interlocked.Exchange(ref _sampleSecond, second) != second) Interlocked.Exchange(ref _sampledThisSecond, 0);
        if (Interlocked.Increment(ref _sampledThisSecond) > options.Value.MaxSamplesPerSecond) return;
        _samples.Writer.TryWrite(features);
    }

    private long _sampleSecond;
    private int _sampledThisSecond;

    /// <summary>Trains on the recent samples now, if there are enough; returns the new version or null.</summary>
    public async Task<string?> TrainNowAsync(CancellationToken ct)
    {
        var o = options.Value;
        var samples = await store.RecentSamplesAsync(o.MaxSamples, time.GetUtcNow() - o.SampleRetention, ct);
        if (samples.Count < o.MinSamples)
        {
            LogNotEnough(logger, samples.Count, o.MinSamples);
            return null;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var model = AnomalyModel.Train(samples.Select(s => new FeatureVector(s.At, s.Features)));
        var now = time.GetUtcNow();
        var version = string.Create(CultureInfo.InvariantCulture, $"pca-{now:yyyyMMddHHmmss}-{samples.Count}");
        await store.SaveModelAsync(version, now, samples.Count, model.ToBytes(), ct);
        Swap(new Loaded(version, model));
        LogTrained(logger, version, samples.Count, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return version;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writer = Task.Run(() => WriteSamplesAsync(stoppingToken), stoppingToken);
        var o = options.Value;
        var nextTraining = time.GetUtcNow() + o.TrainingInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await store.LatestModelAsync(_current?.Version, stoppingToken) is { } latest)
                {
                    Swap(new Loaded(latest.Version, AnomalyModel.Load(latest.Model)));
                    LogLoaded(logger, latest.Version);
                }
                if (o.TrainingEnabled && time.GetUtcNow() >= nextTraining)
                {
                    nextTraining = time.GetUtcNow() + o.TrainingInterval;
                    await TrainNowAsync(stoppingToken);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e.GetType().Name);
            }
            try
            {
                await Task.Delay(Min(o.RefreshInterval, o.TrainingInterval), time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        _samples.Writer.TryComplete();
        await writer.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WriteSamplesAsync(CancellationToken ct)
    {
        var batch = new List<(DateTimeOffset, IReadOnlyDictionary<string, double>)>();
        try
        {
            while (await _samples.Reader.WaitToReadAsync(ct))
            {
                // Stamped with when it was sampled, not when the event happened: retention follows the model's
                // freshness, and a backfill of old events still trains the next model.
                var now = time.GetUtcNow();
                while (batch.Count < 500 && _samples.Reader.TryRead(out var f)) batch.Add((now, f.Values));
                try
                {
                    await store.AddSamplesAsync(batch, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Samples are best-effort training data: losing a batch only delays the next model.
                    LogFailed(logger, e.GetType().Name);
                }
                batch.Clear();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Swap(Loaded next)
    {
        var previous = Interlocked.Exchange(ref _current, next);
        // Scoring in flight on the old model finishes first: dispose it a little later rather than under a reader.
        if (previous is not null) _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ => previous.Model.Dispose(), TaskScheduler.Default);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    public override void Dispose()
    {
        _current?.Model.Dispose();
        base.Dispose();
    }

    private sealed record Loaded(string Version, AnomalyModel Model);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Anomaly model {Version} trained on {Samples} samples in {ElapsedMs:0} ms")]
    private static partial void LogTrained(ILogger logger, string version, int samples, double elapsedMs);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Anomaly model {Version} loaded")]
    private static partial void LogLoaded(ILogger logger, string version);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Anomaly model not trained: {Samples} of {MinSamples} samples so far")]
    private static partial void LogNotEnough(ILogger logger, int samples, int minSamples);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Anomaly model upkeep failed: {ErrorType}")]
    private static partial void LogFailed(ILogger logger, string errorType);
}
