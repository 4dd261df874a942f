using System.ComponentModel.DataAnnotations;

namespace EKyc.Silo.Monitoring;

/// <summary>
/// How the anomaly model is fed and retrained from the platform's own activity; section <c>Monitoring:Model</c>.
/// Until <see cref="MinSamples"/> normal-looking events have been sampled there is no model and rules act alone.
/// </summary>
public sealed class AnomalyTrainingOptions
{
    /// <summary>Share of normal-looking events kept as training samples.</summary>
    [Range(0.0001, 1)]
    public double SampleRate { get; set; } = 0.05;

    /// <summary>
    /// Most samples a silo keeps per second, whatever the event rate: 200k samples (MaxSamples) is days of a busy
    /// platform at this rate, and a sample is a database row, which a silo at 50k events/s should not write 2.5k of.
    /// </summary>
    [Range(1, 100_000)]
    public int MaxSamplesPerSecond { get; set; } = 50;

    [Range(10, 10_000_000)]
    public int MinSamples { get; set; } = 5_000;

    [Range(100, 10_000_000)]
    public int MaxSamples { get; set; } = 200_000;

    /// <summary>Samples older than this are dropped: the model follows how customers behave now.</summary>
    public TimeSpan SampleRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often a silo retrains (and so how often a new model version appears).</summary>
    public TimeSpan TrainingInterval { get; set; } = TimeSpan.FromHours(6);

    /// <summary>How often a silo looks for a newer model trained elsewhere.</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether this silo trains (turn off on all but a few silos of a large cluster).</summary>
    public bool TrainingEnabled { get; set; } = true;
}
