namespace EKyc.Monitoring.Eval;

/// <summary>Confusion counts and the usual ratios; undefined ratios are 0.</summary>
internal readonly record struct Counts(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

internal static class Metrics
{
    /// <summary>ROC AUC by the rank-sum (Mann–Whitney) statistic, ties counted half.</summary>
    public static double RocAuc(IReadOnlyList<(double Score, bool Positive)> items)
    {
        var sorted = items.OrderBy(x => x.Score).ToArray();
        double positives = sorted.Count(x => x.Positive), negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double rankSum = 0;
        for (var i = 0; i < sorted.Length;)
        {
            var j = i;
            while (j < sorted.Length && sorted[j].Score == sorted[i].Score) j++;
            var averageRank = (i + 1 + j) / 2.0;
            for (var k = i; k < j; k++)
                if (sorted[k].Positive) rankSum += averageRank;
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }
}
