using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>
/// Scores a query name against one listed name, tolerant of word order and of missing or extra middle names:
/// every query token is paired with at most one listed token (best pairs first, by similarity), then
/// <c>score = queryCoverage × (0.7 + 0.3 × listedCoverage)</c>, where each coverage is the similarity-weighted share
/// of that side's token weight that found a partner. The query side dominates because an applicant's full name should
/// be accounted for; the listed side still counts, so "mohamed salem" does not fully match a ten-word name.
/// </summary>
public static class NameScorer
{
    public readonly record struct NameMatch(double Score, IReadOnlyList<TokenMatch> Matches);

    public static NameMatch Score(IReadOnlyList<NameToken> query, IReadOnlyList<NameToken> listed, double tokenThreshold)
    {
        if (query.Count == 0 || listed.Count == 0)
        {
            return new NameMatch(0, []);
        }

        var pairs = new List<(int Q, int L, double Sim, string Kind)>(query.Count * listed.Count);
        for (var q = 0; q < query.Count; q++)
        {
            for (var l = 0; l < listed.Count; l++)
            {
                var (sim, kind) = TokenSimilarity(query[q], listed[l]);
                if (sim >= tokenThreshold)
                {
                    pairs.Add((q, l, sim, kind));
                }
            }
        }

        // Best pairs first; on equal similarity prefer the heavier tokens, so a surname is paired before a particle.
        pairs.Sort((a, b) => b.Sim != a.Sim ? b.Sim.CompareTo(a.Sim) : (listed[b.L].Weight + query[b.Q].Weight).CompareTo(listed[a.L].Weight + query[a.Q].Weight));
        Span<bool> queryUsed = stackalloc bool[query.Count];
        Span<bool> listedUsed = stackalloc bool[listed.Count];
        var matches = new List<TokenMatch>(Math.Min(query.Count, listed.Count));
        double queryMatched = 0, listedMatched = 0;
        foreach (var (q, l, sim, kind) in pairs)
        {
            if (queryUsed[q] || listedUsed[l])
            {
                continue;
            }

            queryUsed[q] = true;
            listedUsed[l] = true;
            queryMatched += sim * query[q].Weight;
            listedMatched += sim * listed[l].Weight;
            matches.Add(new TokenMatch(query[q].Text, listed[l].Text, sim, kind));
        }

        var queryCoverage = queryMatched / TotalWeight(query);
        var listedCoverage = listedMatched / TotalWeight(listed);
        return new NameMatch(Math.Clamp(queryCoverage * (0.7 + (0.3 * listedCoverage)), 0, 1), matches);
    }

    /// <summary>Similarity of two normalised tokens and how it was decided.</summary>
    public static (double Similarity, string Kind) TokenSimilarity(NameToken a, NameToken b)
    {
        var x = a.Text;
        var y = b.Text;
        if (string.Equals(x, y, StringComparison.Ordinal))
        {
            return (1, "exact");
        }

        if (x.Length == 1 || y.Length == 1)
        {
            return x[0] == y[0] ? (0.9, "initial") : (0, "none");
        }

        // Numbers (vessel names, "P-532") are identifiers: near-misses are different things.
        if (char.IsAsciiDigit(x[0]) || char.IsAsciiDigit(y[0]))
        {
            return (0, "none");
        }

        var similarity = JaroWinkler.Similarity(x, y);
        if (a.FromConsonantalScript || b.FromConsonantalScript)
        {
            // Slightly below an exact spelling match: consonants alone cannot tell "hasan" from "husn".
            var skeleton = JaroWinkler.Similarity(PhoneticKey.Skeleton(x), PhoneticKey.Skeleton(y)) * 0.97;
            if (skeleton > similarity)
            {
                return (skeleton, "skeleton");
            }
        }

        return (similarity, "fuzzy");
    }

    public static double TotalWeight(IReadOnlyList<NameToken> tokens)
    {
        double total = 0;
        foreach (var t in tokens)
        {
            total += t.Weight;
        }

        return total;
    }
}
