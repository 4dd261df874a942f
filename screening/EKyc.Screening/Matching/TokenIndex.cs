using System.Collections.Concurrent;
using EKyc.Screening.Model;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Matching;

/// <summary>One indexed text of an entry: its primary name, an alias, or an address.</summary>
internal sealed record IndexedText(int EntryIndex, string Display, ListAlias? Alias, IReadOnlyList<NameToken> Tokens)
{
    public double TotalWeight { get; } = NameScorer.TotalWeight(Tokens);
}

/// <summary>
/// Token blocking over a set of texts (the names, or the addresses, of the list entries). A query token is looked up
/// by sound-alike key (<see cref="PhoneticKey.Of"/>) and by its one-deletion neighbourhood in the vocabulary of listed
/// tokens (and of adjacent listed tokens written together);
/// only vocabulary tokens within the Jaro-Winkler threshold open their postings, and texts whose best possible score
/// cannot reach the threshold are dropped before scoring. Immutable after construction; scratch space is per thread.
/// </summary>
internal sealed class TokenIndex
{
    private readonly IndexedText[] _texts;
    private readonly NameToken[] _vocabulary;

    // The most a vocabulary token can weigh on the listed side of any text it is posted for (two words' weights for
    // a posted compound), so the listed-coverage bound never under-estimates.
    private readonly float[] _listedWeights;

    // True for vocabulary entries that exist only as two listed words written together.
    private readonly bool[] _compoundOnly;
    private readonly int[][] _postings;
    private readonly Dictionary<string, int> _tokenIds;
    private readonly Dictionary<string, int[]> _blocks;

    // Scratch space is rented per query: the index is shared by many threads, and a thread may use several indexes.
    private readonly ConcurrentBag<Scratch> _scratch = [];

    public TokenIndex(IEnumerable<(int EntryIndex, string Display, ListAlias? Alias)> texts)
    {
        var indexed = new List<IndexedText>();
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var vocabulary = new List<NameToken>();
        var postings = new List<List<int>>();
        var weights = new List<float>();
        var compoundOnly = new List<bool>();
        var seen = new HashSet<(int, string)>();
        foreach (var (entryIndex, display, alias) in texts)
        {
            var tokens = NameNormalizer.Tokenize(display);
            if (tokens.Count == 0 || !seen.Add((entryIndex, string.Join(' ', tokens.Select(t => t.Text)))))
            {
                continue; // the same words twice for one entry add nothing
            }

            var textId = indexed.Count;
            for (var t = 0; t < tokens.Count; t++)
            {
                Post(tokens[t].Text, tokens[t].FromConsonantalScript, tokens[t].Weight, textId, compound: false);

                // Adjacent words are also posted written together, so a query that writes a compound as one word
                // ("myongchin" for "MYONG-CHIN") finds the name.
                if (t + 1 < tokens.Count)
                {
                    Post(tokens[t].Text + tokens[t + 1].Text, tokens[t].FromConsonantalScript || tokens[t + 1].FromConsonantalScript, tokens[t].Weight + tokens[t + 1].Weight, textId, compound: true);
                }
            }

            indexed.Add(new IndexedText(entryIndex, display, alias, tokens));
        }

        void Post(string text, bool consonantal, float weight, int textId, bool compound)
        {
            if (!tokenIds.TryGetValue(text, out var id))
            {
                id = vocabulary.Count;
                tokenIds[text] = id;
                vocabulary.Add(new NameToken(text, TokenRole.Name, consonantal));
                weights.Add(0);
                compoundOnly.Add(true);
                postings.Add([]);
            }

            compoundOnly[id] &= compound;
            weights[id] = Math.Max(weights[id], weight);
            var posting = postings[id];
            if (posting.Count == 0 || posting[^1] != textId)
            {
                posting.Add(textId);
            }
        }

        var blocks = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var id = 0; id < vocabulary.Count; id++)
        {
            foreach (var key in BlockKeys(vocabulary[id].Text))
            {
                if (!blocks.TryGetValue(key, out var list))
                {
                    blocks[key] = list = [];
                }

                list.Add(id);
            }
        }

        _texts = [.. indexed];
        _vocabulary = [.. vocabulary];
        _listedWeights = [.. weights];
        _compoundOnly = [.. compoundOnly];
        _postings = [.. postings.Select(p => p.ToArray())];
        _tokenIds = tokenIds;
        _blocks = blocks.ToDictionary(b => b.Key, b => b.Value.ToArray(), StringComparer.Ordinal);
    }

    public int Count => _texts.Length;

    public int VocabularySize => _vocabulary.Length;

    public IndexedText this[int textId] => _texts[textId];

    /// <summary>
    /// Texts that share at least one similar token with the query and whose upper bound (every found token matched
    /// at its best similarity, every listed token covered, plus <paramref name="maxRaise"/>) reaches
    /// <paramref name="threshold"/>.
    /// </summary>
    public List<int> Candidates(IReadOnlyList<NameToken> query, double maxRaise, double threshold, double tokenThreshold)
    {
        var scratch = _scratch.TryTake(out var rented) ? rented : new Scratch(_texts.Length);
        var totalWeight = NameScorer.TotalWeight(query);
        double unblockedWeight = 0;
        var vocabularyHits = scratch.VocabularyHits;
        for (var q = 0; q < (2 * query.Count) - 1; q++)
        {
            // Slots 0..n-1 are the query tokens; slots n.. are adjacent pairs written together ("abd allah" →
            // "abdallah"), which may match one listed token. Counting both can only raise the bound, never lower it.
            NameToken token;
            float weight;
            if (q < query.Count)
            {
                token = query[q];
                weight = token.Weight;
                if (token.Role == TokenRole.Particle || token.Text.Length == 1)
                {
                    // Particles and initials never open candidates on their own; assume they would match.
                    unblockedWeight += token.Weight;
                    continue;
                }
            }
            else
            {
                var first = query[q - query.Count];
                var second = query[q - query.Count + 1];
                token = new NameToken(first.Text + second.Text, TokenRole.Name, first.FromConsonantalScript || second.FromConsonantalScript);
                weight = first.Weight + second.Weight;
            }

            vocabularyHits.Clear();
            if (_tokenIds.TryGetValue(token.Text, out var exact))
            {
                vocabularyHits.Add(exact);
            }

            foreach (var key in BlockKeys(token.Text))
            {
                if (_blocks.TryGetValue(key, out var ids))
                {
                    vocabularyHits.UnionWith(ids);
                }
            }

            var joined = q >= query.Count;
            foreach (var vocabularyId in vocabularyHits)
            {
                // A compound pairs only with a word of about its length: "muhammad" is not "muhammadali".
                if ((joined || _compoundOnly[vocabularyId]) && !NameScorer.CouldBeCompound(token.Text, _vocabulary[vocabularyId].Text))
                {
                    continue;
                }

                var (similarity, _) = NameScorer.TokenSimilarity(token, _vocabulary[vocabularyId]);
                if (similarity < tokenThreshold)
                {
                    continue;
                }

                var contribution = (float)(similarity * weight);
                var listedContribution = (float)(similarity * _listedWeights[vocabularyId]);
                foreach (var textId in _postings[vocabularyId])
                {
                    scratch.Add(textId, q, contribution, listedContribution);
                }
            }
        }

        var result = new List<int>();
        foreach (var textId in scratch.Touched)
        {
            // The scorer's own formula, with each coverage at its most optimistic: queryCoverage × (0.7 + 0.3 × listed).
            var queryBound = Math.Min(1, (scratch.Bound[textId] + unblockedWeight) / totalWeight);
            var listedBound = Math.Min(1, (scratch.ListedBound[textId] + unblockedWeight) / _texts[textId].TotalWeight);
            var bound = (queryBound * (0.7 + (0.3 * listedBound))) + maxRaise;
            if (bound >= threshold)
            {
                result.Add(textId);
            }
        }

        scratch.Reset();
        _scratch.Add(scratch);
        return result;
    }

    /// <summary>
    /// The blocks a token belongs to: its sound-alike key (spelling variants such as mohamed/muhammad), and its
    /// deletion neighbourhood: the token itself and every form with one letter removed. Two tokens within one
    /// substitution, insertion, deletion or adjacent transposition share a neighbourhood key ("haza" ~ "hamza",
    /// "itnerconsult" ~ "interconsult"), whichever letter the typo hit. Tokens of one or two letters are only found
    /// exactly; sound-alike keys of a single consonant class would block too much to be useful.
    /// </summary>
    private static IEnumerable<string> BlockKeys(string token)
    {
        if (token.Length < 3)
        {
            yield break;
        }

        var phonetic = PhoneticKey.Of(token);
        if (phonetic.Length >= 2)
        {
            // The first letter (any vowel counting as one) narrows the block: spelling variants of a name keep their
            // initial sound (mohamed/muhammad, osama/usama) far more often than they change it.
            var first = token[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? 'a' : token[0];
            yield return string.Concat("p", new ReadOnlySpan<char>(in first), phonetic);
        }

        yield return "d" + token;
        if (token.Length < 4)
        {
            yield break;
        }

        for (var i = 0; i < token.Length; i++)
        {
            // Deleting either letter of a double gives the same key: skip the repeat.
            if (i > 0 && token[i] == token[i - 1])
            {
                continue;
            }

            yield return string.Concat("d", token.AsSpan(0, i), token.AsSpan(i + 1));
        }
    }

    /// <summary>Per-thread accumulators sized to the index, reused across queries to avoid allocation.</summary>
    private sealed class Scratch(int size)
    {
        private readonly int[] _lastToken = new int[size];
        private readonly float[] _lastContribution = new float[size];

        public float[] Bound { get; } = new float[size];

        public float[] ListedBound { get; } = new float[size];

        public List<int> Touched { get; } = [];

        public HashSet<int> VocabularyHits { get; } = [];

        public void Add(int textId, int queryToken, float contribution, float listedContribution)
        {
            // Listed-side credit is summed without de-duplication: over-counting only loosens the bound.
            ListedBound[textId] += listedContribution;
            if (_lastToken[textId] == 0)
            {
                Touched.Add(textId);
            }

            if (_lastToken[textId] == queryToken + 1)
            {
                // The same query token found this text through another listed token: keep the better of the two.
                if (contribution > _lastContribution[textId])
                {
                    Bound[textId] += contribution - _lastContribution[textId];
                    _lastContribution[textId] = contribution;
                }

                return;
            }

            Bound[textId] += contribution;
            _lastToken[textId] = queryToken + 1;
            _lastContribution[textId] = contribution;
        }

        public void Reset()
        {
            foreach (var textId in Touched)
            {
                Bound[textId] = 0;
                ListedBound[textId] = 0;
                _lastToken[textId] = 0;
                _lastContribution[textId] = 0;
            }

            Touched.Clear();
        }
    }
}
