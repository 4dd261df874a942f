using System.ComponentModel.DataAnnotations;

namespace EKyc.Verification.Schedule;

/// <summary>
/// Periodic re-KYC intervals by risk tier and the lead time before document expiry; section
/// <c>Verification:Reverification</c>. Intervals are spans (days) rather than calendar years so tests can use seconds.
/// </summary>
public sealed class ReverificationOptions
{
    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan LowRiskInterval { get; set; } = TimeSpan.FromDays(1826);

    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan MediumRiskInterval { get; set; } = TimeSpan.FromDays(730);

    [Range(typeof(TimeSpan), "00:00:01", "3650.00:00:00")]
    public TimeSpan HighRiskInterval { get; set; } = TimeSpan.FromDays(365);

    /// <summary>How long before the document expires re-verification becomes due (0: on the expiry date).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan DocumentExpiryLead { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How often a scheduled applicant's reminder wakes to compare due dates with the clock. Orleans reminders cannot
    /// span years, so a coarse tick checks the stored due dates instead.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(6);

    public TimeSpan IntervalFor(RiskTier tier) => tier switch
    {
        RiskTier.Low => LowRiskInterval,
        RiskTier.High => HighRiskInterval,
        _ => MediumRiskInterval,
    };
}
