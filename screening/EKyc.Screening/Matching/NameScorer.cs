using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>
/// Scores a query name against one listed name, tolerant of word order and of missing or extra middle names:
/// every query token is paired with at most one listed token (best pairs first, by similarity), then
/// <c>score = queryCoverage × (0.7 + 0.3 × listedCoverage)</c>, where each coverage is the similarity-weighted share
/// of that side's token weight that found a partner. The query side dominates because an applicant's full name should
/// be accounted for; the listed side still counts, so "mohamed salem" does not fully match a ten-word name.
/// Two adjacent tokens may also pair, joined, with one token of the other side ("abd allah" ~ "abdullah",
/// "aero caribbean" ~ "aerocaribbean"), because spacing of compound names varies between sources.
/// </summary>
public static class NameScorer
{
    private const int MaxTokens = 30;

    /// <param name="QueryCoverage">The similarity-weighted share of the query's tokens that found a partner.</param>
    public readonly record struct NameMatch(double Score, double QueryCoverage, IReadOnlyList<TokenMatch> Matches);

    private readonly record struct Pair(int QueryMask, int ListedMask, double Similarity, string Kind, float QueryWeight, float ListedWeight, string QueryText, string ListedText);

    public static NameMatch Score(IReadOnlyList<NameToken> query, IReadOnlyList<NameToken> listed, double tokenThreshold)
    {
        if (query.Count == 0 || listed.Count == 0)
        {
            return new NameMatch(0, 0, []);
        }

        // Names longer than a bitmask can track are cut: no real name has thirty words that all matter.
        var q = query.Count > MaxTokens ? query.Take(MaxTokens).ToList() : query;
        var l = listed.Count > MaxTokens ? listed.Take(MaxTokens).ToList() : listed;
        var pairs = new List<Pair>(q.Count * l.Count);
        for (var i = 0; i < q.Count; i++)
        {
            for (var j = 0; j < l.Count; j++)
            {
                var (sim, kind) = TokenSimilarity(q[i], l[j]);
                if (sim >= tokenThreshold)
                {
                    pairs.Add(new Pair(1 << i, 1 << j, sim, kind, q[i].Weight, l[j].Weight, q[i].Text, l[j].Text));
                }
            }
        }

        AddJoined(q, l, tokenThreshold, pairs, queryJoined: true);
        AddJoined(l, q, tokenThreshold, pairs, queryJoined: false);

        // Best pairs first; on equal similarity prefer the heavier tokens, so a surname is paired before a particle.
        pairs.Sort((a, b) => b.Similarity != a.Similarity
            ? b.Similarity.CompareTo(a.Similarity)
            : (b.QueryWeight + b.ListedWeight).CompareTo(a.QueryWeight + a.ListedWeight));
        int queryUsed = 0, listedUsed = 0;
        var matches = new List<TokenMatch>(Math.Min(q.Count, l.Count));
        double queryMatched = 0, listedMatched = 0;
        foreach (var pair in pairs)
        {
            if ((queryUsed & pair.QueryMask) != 0 || (listedUsed & pair.ListedMask) != 0)
            {
                continue;
            }

            queryUsed |= pair.QueryMask;
            listedUsed |= pair.ListedMask;
            queryMatched += pair.Similarity * pair.QueryWeight;
            listedMatched += pair.Similarity * pair.ListedWeight;
            matches.Add(new TokenMatch(pair.QueryText, pair.ListedText, pair.Similarity, pair.Kind));
        }

        var queryCoverage = queryMatched / TotalWeight(q);
        var listedCoverage = listedMatched / TotalWeight(l);
        return new NameMatch(Math.Clamp(queryCoverage * (0.7 + (0.3 * listedCoverage)), 0, 1), queryCoverage, matches);
    }

    // Two adjacent tokens of one side, written together, against each single token of the other side.
    private static void AddJoined(IReadOnlyList<NameToken> split, IReadOnlyList<NameToken> whole, double tokenThreshold, List<Pair> pairs, bool queryJoined)
    {
        for (var i = 0; i + 1 < split.Count; i++)
        {
            var joinedText = split[i].Text + split[i + 1].Text;
            var joined = new NameToken(joinedText, TokenRole.Name, split[i].FromConsonantalScript || split[i + 1].FromConsonantalScript);
            var joinedWeight = split[i].Weight + split[i + 1].Weight;
            for (var j = 0; j < whole.Count; j++)
            {
                if (!CouldBeCompound(joinedText, whole[j].Text))
                {
                    continue;
                }

                var (sim, kind) = TokenSimilarity(joined, whole[j]);
                if (sim < tokenThreshold)
                {
                    continue;
                }

                var mask = (1 << i) | (1 << (i + 1));
                var label = split[i].Text + " " + split[i + 1].Text;
                pairs.Add(queryJoined
                    ? new Pair(mask, 1 << j, sim, "joined-" + kind, joinedWeight, whole[j].Weight, label, whole[j].Text)
                    : new Pair(1 << j, mask, sim, "joined-" + kind, whole[j].Weight, joinedWeight, whole[j].Text, label));
            }
        }
    }

    /// <summary>
    /// Whether two words written together could be the one listed word: about as long (so "ahmad ali" is not read as
    /// a misspelt "ahmad") and, in Latin script, starting with the same letter. Vowel letters may be missing from a
    /// romanised Arabic compound ("bdallh" ~ "abdullah"), so the length check allows for that.
    /// </summary>
    public static bool CouldBeCompound(string joined, string whole) =>
        whole.Length >= 4 && Math.Abs(whole.Length - joined.Length) <= Math.Max(2, whole.Length / 4);

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
