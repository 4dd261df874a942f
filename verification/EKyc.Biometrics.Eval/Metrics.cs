namespace EKyc.Biometrics.Eval;

/// <summary>Verification metrics from genuine (same person) and impostor (different people) similarity scores.</summary>
public static class Metrics
{
    /// <summary>ROC AUC as the Mann–Whitney probability that a genuine pair outscores an impostor pair (ties count ½).</summary>
    public static double Auc(IReadOnlyList<float> genuine, IReadOnlyList<float> impostor)
    {
        if (genuine.Count == 0 || impostor.Count == 0) return double.NaN;
        double wins = 0;
        foreach (var g in genuine)
        {
            foreach (var i in impostor)
            {
                wins += g > i ? 1 : g == i ? 0.5 : 0;
            }
        }
        return wins / (genuine.Count * (double)impostor.Count);
    }

    /// <summary>
    /// The lowest threshold whose false-match rate (impostor scores ≥ threshold) does not exceed the target. With N
    /// impostor pairs the FMR moves in steps of 1/N, so a target below 1/N means "no impostor accepted": the
    /// threshold then sits just above the highest impostor score.
    /// </summary>
    public static float ThresholdForFmr(IReadOnlyList<float> impostor, double targetFmr)
    {
        var sorted = impostor.OrderDescending().ToList();
        var allowed = (int)Math.Floor(targetFmr * sorted.Count); // impostors that may score at or above the threshold
        if (allowed >= sorted.Count) return float.NegativeInfinity;
        // Just above the (allowed+1)-th highest impostor score.
        return MathF.BitIncrement(sorted[allowed]);
    }

    public static double Fmr(IReadOnlyList<float> impostor, float threshold) =>
        impostor.Count == 0 ? double.NaN : impostor.Count(s => s >= threshold) / (double)impostor.Count;

    public static double Fnmr(IReadOnlyList<float> genuine, float threshold) =>
        genuine.Count == 0 ? double.NaN : genuine.Count(s => s < threshold) / (double)genuine.Count;

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToList();
        var rank = p / 100 * (sorted.Count - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + ((sorted[hi] - sorted[lo]) * (rank - lo));
    }
}
