using EKyc.Monitoring.Features;

namespace EKyc.Monitoring.Scoring;

/// <summary>How a feature is reshaped before scaling: heavy-tailed counts and amounts are compressed with log(1+x).</summary>
public enum FeatureTransform : byte
{
    Identity = 0,
    Log1p = 1,
}

/// <summary>Training settings of the anomaly model (EKyc.Monitoring.Ml).</summary>
public sealed class AnomalyModelOptions
{
    /// <summary>The features the model reads, in order; a saved model remembers them by name.</summary>
    public IReadOnlyList<string> Features { get; init; } = FeatureNames.All;

    /// <summary>Principal components kept as "normal behaviour"; the rest of the variance is the anomaly.</summary>
    public int Rank { get; init; } = 4;

    public int Oversampling { get; init; } = 20;

    public int Seed { get; init; } = 17;

    /// <summary>
    /// Floor on each feature's standard deviation after the transform. A rare binary feature (a new device on 1% of
    /// events) would otherwise be scaled up to dominate every score; the floor caps its weight.
    /// </summary>
    public double MinimumScale { get; init; } = 0.5;

    /// <summary>Quantile of the training scores that maps to a normalised score of 0.5.</summary>
    public double CalibrationQuantile { get; init; } = 0.99;

    public int MinimumTrainingRows { get; init; } = 200;

    /// <summary>The transform for a feature: log(1+x) for counts, sums and durations; identity otherwise.</summary>
    public static FeatureTransform TransformFor(string feature) => feature switch
    {
        FeatureNames.TransactionCount1h or FeatureNames.TransactionAmount24h or FeatureNames.FailedLogins1h or FeatureNames.DormantDays
            or FeatureNames.Counterparties24h or FeatureNames.Changes24h or FeatureNames.Events1h or FeatureNames.TransactionsVsUsual
            or FeatureNames.NewCounterparties24h or FeatureNames.NearThresholdTransactions24h => FeatureTransform.Log1p,
        _ => FeatureTransform.Identity,
    };

    public IEnumerable<string> Problems()
    {
        if (Features.Count < 2) yield return "at least two features are needed";
        if (Features.Distinct(StringComparer.Ordinal).Count() != Features.Count) yield return "features must be distinct";
        if (Rank < 1 || Rank >= Features.Count) yield return $"Rank must be between 1 and {Features.Count - 1} (was {Rank})";
        if (Oversampling < 1) yield return "Oversampling must be positive";
        if (!(MinimumScale > 0)) yield return "MinimumScale must be positive";
        if (!(CalibrationQuantile is > 0.5 and < 1)) yield return "CalibrationQuantile must be in (0.5, 1)";
        if (MinimumTrainingRows < 10) yield return "MinimumTrainingRows must be at least 10";
    }
}
