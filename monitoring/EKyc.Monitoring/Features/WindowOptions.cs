using System.ComponentModel.DataAnnotations;

namespace EKyc.Monitoring.Features;

/// <summary>Bounds of the per-account rolling window; section <c>Monitoring:Window</c>.</summary>
public sealed class WindowOptions
{
    /// <summary>How far back features look; the longest feature window (24 h) must fit.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "30.00:00:00")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(1);

    /// <summary>Hard cap on window entries per account, so one noisy account cannot grow state without bound.</summary>
    [Range(100, 100_000)]
    public int MaxEntries { get; set; } = 5_000;

    /// <summary>How many recent event ids are remembered for de-duplication.</summary>
    [Range(100, 100_000)]
    public int DedupCapacity { get; set; } = 10_000;

    /// <summary>Amount from which a transaction counts as large for the change-before-transfer feature.</summary>
    [Range(0, double.MaxValue)]
    public decimal LargeTransactionAmount { get; set; } = 5_000m;

    /// <summary>How long before a large transaction a contact/address/beneficiary change is suspicious.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ChangeLookback { get; set; } = TimeSpan.FromHours(24);

    [Range(1, 1000)]
    public int MaxKnownDevices { get; set; } = 50;

    /// <summary>
    /// Events from two different IP countries closer together than this count as a country hop (impossible travel).
    /// Events carry a country, not coordinates, so one window serves every pair of countries: an hour is shorter than
    /// any flight between non-neighbouring countries, and short enough that ordinary travel days do not trip it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan ImpossibleTravelWindow { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The amount from which the platform must report a transaction; structuring stays just under it.</summary>
    [Range(1, double.MaxValue)]
    public decimal ReportingThreshold { get; set; } = DefaultReportingThreshold;

    /// <summary>How far under <see cref="ReportingThreshold"/> (as a fraction of it) a transaction counts as "just under".</summary>
    [Range(0.01, 0.5)]
    public decimal StructuringMargin { get; set; } = 0.1m;

    public const decimal DefaultReportingThreshold = 10_000m;

    /// <summary>The near-threshold amounts: [threshold × (1 − margin), threshold).</summary>
    public AmountBand NearThresholdBand() => new(ReportingThreshold * (1 - StructuringMargin), ReportingThreshold);
}
