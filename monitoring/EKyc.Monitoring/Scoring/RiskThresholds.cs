using System.ComponentModel.DataAnnotations;

namespace EKyc.Monitoring.Scoring;

/// <summary>
/// When an anomaly score raises a flag; section <c>Monitoring:Risk</c>. The score is normalised so that 0.5 is the
/// 99th percentile of normal training activity (see AnomalyModel in EKyc.Monitoring.Ml); the defaults were chosen on seeded
/// simulations (monitoring/EKyc.Monitoring.Eval) and are starting points an operator tunes on real traffic.
/// </summary>
public sealed class RiskThresholds
{
    /// <summary>Score from which the model alone raises a flag. Exclusive bounds: 0 would flag everything, 1 nothing.</summary>
    [Range(0.01, 0.99)]
    public double FlagScore { get; set; } = 0.75;

    /// <summary>
    /// Events an account must have before its score may flag: before that its own baseline (amount z-score, usual
    /// hour, known devices) is too thin and every first event looks new. Rules still apply to young accounts.
    /// </summary>
    [Range(0, 1_000_000)]
    public long MinimumHistoryEvents { get; set; } = 20;

    /// <summary>How many contributing features the analyst sees next to a model flag.</summary>
    [Range(1, 20)]
    public int TopContributors { get; set; } = 3;

    /// <summary>Returns what is wrong with the options; empty when they are valid.</summary>
    public IEnumerable<string> Problems()
    {
        if (double.IsNaN(FlagScore) || FlagScore is < 0.01 or > 0.99)
            yield return $"FlagScore must be between 0.01 and 0.99 (was {FlagScore})";
        if (MinimumHistoryEvents is < 0 or > 1_000_000)
            yield return $"MinimumHistoryEvents must be between 0 and 1,000,000 (was {MinimumHistoryEvents})";
        if (TopContributors is < 1 or > 20)
            yield return $"TopContributors must be between 1 and 20 (was {TopContributors})";
    }

    /// <summary>Throws when the options are not valid; for hosts that bind the section without data annotations.</summary>
    public RiskThresholds Validated()
    {
        var problems = Problems().ToList();
        return problems.Count == 0 ? this : throw new ArgumentException("invalid risk thresholds: " + string.Join("; ", problems));
    }

    /// <summary>Whether a score raises a flag for an account that has seen <paramref name="eventsSeen"/> events.</summary>
    public bool ShouldFlag(AnomalyScore score, long eventsSeen)
    {
        ArgumentNullException.ThrowIfNull(score);
        return eventsSeen >= MinimumHistoryEvents && score.Score >= FlagScore;
    }
}
