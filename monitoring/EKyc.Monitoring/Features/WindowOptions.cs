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
}
