using EKyc.Screening.Model;

namespace EKyc.Screening.Matching;

/// <summary>How seriously to take a hit: strong hits go to manual review, possible hits are shown to the reviewer.</summary>
public enum HitStrength
{
    Possible,
    Strong,
}

/// <summary>What part of the entry the hit was found on.</summary>
public enum MatchedField
{
    Name,
    Alias,
    Address,
    Identifier,
}

/// <summary>How one query token was paired with one listed token.</summary>
/// <param name="Kind">exact, fuzzy (Jaro-Winkler), skeleton (consonants of a romanised word) or initial.</param>
public sealed record TokenMatch(string QueryToken, string ListedToken, double Similarity, string Kind);

/// <summary>A confirmation (+) or rule-out (−) from a fact other than the name, with a stable code.</summary>
/// <param name="Code">dob_exact, dob_year, dob_month_day_differ, dob_mismatch, nationality_match,
/// nationality_mismatch, country_match, country_mismatch, address_match, identifier_match, identifier_conflict, weak_alias.</param>
public sealed record ScoreAdjustment(string Code, double Delta, string Detail);

/// <summary>One listed party that the query may be.</summary>
public sealed record ScreeningHit
{
    public required ListEntry Entry { get; init; }

    /// <summary>0..1 after name matching and every adjustment.</summary>
    public required double Score { get; init; }

    /// <summary>The name-only part of <see cref="Score"/>.</summary>
    public required double NameScore { get; init; }

    public required HitStrength Strength { get; init; }

    public required MatchedField MatchedField { get; init; }

    /// <summary>The primary name, alias or address that matched best.</summary>
    public required string MatchedName { get; init; }

    /// <summary>Null for the primary name, otherwise the alias that matched.</summary>
    public ListAlias? MatchedAlias { get; init; }

    public required IReadOnlyList<TokenMatch> TokenMatches { get; init; }

    public required IReadOnlyList<ScoreAdjustment> Adjustments { get; init; }

    /// <summary>One line for a reviewer: which tokens matched how, and what confirmed or lowered the hit.</summary>
    public string Explanation =>
        $"{Entry.Source} {Entry.ListId} {MatchedField} '{MatchedName}'{(MatchedAlias is null ? "" : $" ({MatchedAlias.Kind}, {MatchedAlias.Quality})")}: " +
        $"name {NameScore:0.000} [{string.Join(", ", TokenMatches.Select(t => $"{t.QueryToken}~{t.ListedToken} {t.Kind} {t.Similarity:0.00}"))}]" +
        string.Concat(Adjustments.Select(a => $"; {a.Code} {a.Delta:+0.00;-0.00} ({a.Detail})")) +
        $" → {Score:0.000} {Strength}";
}

/// <summary>The hits for one query, best first, the list versions they were found in and the matcher settings used.</summary>
/// <param name="MatcherVersion">The <see cref="ScreeningOptions.Version"/> the scores were computed with.</param>
public sealed record ScreeningResult(IReadOnlyList<ScreeningHit> Hits, IReadOnlyList<ListVersion> ListVersion, string MatcherVersion)
{
    public bool HasStrongHit => Hits.Any(h => h.Strength == HitStrength.Strong);
}
