using EKyc.Screening.Model;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>
/// An immutable, thread-safe screening index over list entries. Screening does not scan the list: names (and, for an
/// address-only query, addresses) are found through a <see cref="TokenIndex"/>, identifiers through a dictionary; only
/// the candidates are scored (<see cref="NameScorer"/>) and adjusted by date of birth, nationality, country,
/// identifiers and alias quality (<see cref="AttributeEvidence"/>).
/// </summary>
public sealed class ScreeningIndex
{
    private readonly ListEntry[] _entries;
    private readonly TokenIndex _names;
    private readonly TokenIndex _places;
    private readonly Dictionary<string, int[]> _identifiers;

    private ScreeningIndex(ListEntry[] entries, IReadOnlyList<ListVersion> versions, ScreeningOptions options)
    {
        _entries = entries;
        Versions = versions;
        Options = options;
        _names = new TokenIndex(entries.SelectMany((e, i) =>
            e.Aliases.Select(a => (i, a.Name, (ListAlias?)a)).Prepend((i, e.PrimaryName, null))));
        _places = new TokenIndex(entries.SelectMany((e, i) => e.Places.Select(p => (i, p, (ListAlias?)null))));

        var identifiers = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var e = 0; e < entries.Length; e++)
        {
            foreach (var id in entries[e].Identifiers)
            {
                var key = AttributeEvidence.IdentifierKey(id.Type, id.Value);
                if (!identifiers.TryGetValue(key, out var list))
                {
                    identifiers[key] = list = [];
                }

                list.Add(e);
            }
        }

        _identifiers = identifiers.ToDictionary(i => i.Key, i => i.Value.Distinct().ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The files this index was built from.</summary>
    public IReadOnlyList<ListVersion> Versions { get; }

    public ScreeningOptions Options { get; }

    public int EntryCount => _entries.Length;

    /// <summary>Names indexed: primary names plus aliases, without repeats within an entry.</summary>
    public int NameCount => _names.Count;

    public int VocabularySize => _names.VocabularySize;

    public IReadOnlyList<ListEntry> Entries => _entries;

    public static ScreeningIndex Build(IEnumerable<LoadedList> lists, ScreeningOptions? options = null)
    {
        var materialised = lists.ToList();
        return Build(materialised.SelectMany(l => l.Entries), materialised.SelectMany(l => l.Versions).ToList(), options);
    }

    public static ScreeningIndex Build(IEnumerable<ListEntry> entries, IReadOnlyList<ListVersion> versions, ScreeningOptions? options = null) =>
        new([.. entries], versions, options ?? ScreeningOptions.Default);

    public ScreeningResult Screen(ScreeningQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var tokens = NameNormalizer.Tokenize(query.FullName);
        var hits = new Dictionary<int, ScreeningHit>();
        var maxRaise = AttributeEvidence.MaxRaise(query);

        if (tokens.Count > 0)
        {
            Collect(_names, tokens, query, maxRaise, MatchedField.Name, hits);
        }
        else if (NameNormalizer.Tokenize(query.Address) is { Count: > 0 } addressTokens)
        {
            // No name: an address alone can still point at a listed party (a front company's office).
            Collect(_places, addressTokens, query, maxRaise, MatchedField.Address, hits);
        }

        AddIdentifierHits(query, tokens, hits);

        var ranked = hits.Values
            .Where(h => h.Score >= Options.PossibleThreshold)
            .OrderByDescending(h => h.Score)
            .ThenBy(h => h.Entry.ListId, StringComparer.Ordinal)
            .Take(Options.MaxHits)
            .ToList();
        return new ScreeningResult(ranked, Versions, Options.Version);
    }

    private void Collect(TokenIndex index, IReadOnlyList<NameToken> tokens, ScreeningQuery query, double maxRaise, MatchedField field, Dictionary<int, ScreeningHit> hits)
    {
        foreach (var textId in index.Candidates(tokens, maxRaise, Options.PossibleThreshold, Options.TokenThreshold))
        {
            var text = index[textId];
            var entry = _entries[text.EntryIndex];
            if (IsOtherType(query.Type, entry.Type))
            {
                continue;
            }

            var match = NameScorer.Score(tokens, text.Tokens, Options.TokenThreshold);
            if (match.Score <= 0)
            {
                continue;
            }

            var matchedField = field == MatchedField.Name && text.Alias is not null ? MatchedField.Alias : field;
            var hit = Evaluate(query, entry, text.Display, text.Alias, matchedField, match);
            if (!hits.TryGetValue(text.EntryIndex, out var previous) || hit.Score > previous.Score)
            {
                hits[text.EntryIndex] = hit;
            }
        }
    }

    // Entries typed Unknown (the BIS list) are never ruled out by type.
    private static bool IsOtherType(EntryType? wanted, EntryType listed) =>
        wanted is { } w && w != EntryType.Unknown && listed != EntryType.Unknown && w != listed;

    private ScreeningHit Evaluate(ScreeningQuery query, ListEntry entry, string display, ListAlias? alias, MatchedField field, NameScorer.NameMatch match)
    {
        var adjustments = new List<ScoreAdjustment>(4);
        if (alias is { Quality: AliasQuality.Weak })
        {
            adjustments.Add(new ScoreAdjustment("weak_alias", AttributeEvidence.WeakAlias, "the list marks this alias weak"));
        }

        if (entry.Type is EntryType.Individual or EntryType.Unknown)
        {
            AttributeEvidence.BirthDate(query.BirthDate, entry, adjustments);
        }

        AttributeEvidence.Nationality(query.Nationality, entry, adjustments);
        AttributeEvidence.Country(query.Country, entry, adjustments);
        if (field != MatchedField.Address)
        {
            AttributeEvidence.Address(query.Address, entry, Options.TokenThreshold, adjustments);
        }

        AttributeEvidence.Identifiers(query.Identifiers, entry, adjustments);

        var score = match.Score + adjustments.Sum(a => a.Delta);
        if (adjustments.Any(a => a.Code == "identifier_match"))
        {
            score = Math.Max(score, AttributeEvidence.IdentifierMatchFloor);
        }

        score = Math.Clamp(score, 0, 1);
        return new ScreeningHit
        {
            Entry = entry,
            Score = score,
            NameScore = match.Score,
            Strength = score >= Options.StrongThreshold ? HitStrength.Strong : HitStrength.Possible,
            MatchedField = field,
            MatchedName = display,
            MatchedAlias = alias,
            TokenMatches = match.Matches,
            Adjustments = adjustments,
        };
    }

    // An identifier found on the list makes its entry a hit even when the name differs (a renamed vessel).
    private void AddIdentifierHits(ScreeningQuery query, IReadOnlyList<NameToken> tokens, Dictionary<int, ScreeningHit> hits)
    {
        foreach (var id in query.Identifiers)
        {
            if (!_identifiers.TryGetValue(AttributeEvidence.IdentifierKey(id.Type, id.Value), out var entryIndexes))
            {
                continue;
            }

            foreach (var e in entryIndexes)
            {
                if (hits.ContainsKey(e) || IsOtherType(query.Type, _entries[e].Type))
                {
                    continue;
                }

                var entry = _entries[e];
                var match = NameScorer.Score(tokens, NameNormalizer.Tokenize(entry.PrimaryName), Options.TokenThreshold);
                hits[e] = Evaluate(query, entry, entry.PrimaryName, null, MatchedField.Identifier, match);
            }
        }
    }
}
