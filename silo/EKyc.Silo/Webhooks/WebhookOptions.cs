using System.ComponentModel.DataAnnotations;

namespace EKyc.Silo.Webhooks;

/// <summary>Delivery settings; section <c>Webhooks</c>.</summary>
public sealed class WebhookOptions
{
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>First retry delay; doubles per attempt (with jitter) up to <see cref="MaxBackoff"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Attempts before a delivery is marked failed (it stays in the delivery log).</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 12;

    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    [Range(1, 1000)]
    public int BatchSize { get; set; } = 50;
}
