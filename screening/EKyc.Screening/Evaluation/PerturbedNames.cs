using EKyc.Screening.Model;

namespace EKyc.Screening.Evaluation;

/// <summary>A throughput query: a listed name, perhaps perturbed, and the entry it came from.</summary>
public sealed record PerturbedName(string Name, string Perturbation, ListSource Source, string ListId);

/// <summary>
/// Builds a realistic screening load from the lists' own names rather than invented people: each name is used as
/// printed, with its words reordered, with one typo (substitution, deletion or transposition), or with one middle word
/// dropped. Seeded, so every run screens the same names.
/// </summary>
public static class PerturbedNames
{
    private const string Letters = "abcdefghijklmnopqrstuvwxyz";

    public static IReadOnlyList<PerturbedName> From(IReadOnlyList<ListEntry> entries, int count, int seed = 20260227)
    {
        var random = new Random(seed);
        var pool = entries.Where(e => e.Type is EntryType.Individual or EntryType.Entity && e.PrimaryName.Length > 3).ToList();
        var names = new List<PerturbedName>(count);
        for (var i = 0; i < count; i++)
        {
            var entry = pool[random.Next(pool.Count)];
            var words = entry.PrimaryName.Replace(",", "", StringComparison.Ordinal).Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            var (name, kind) = random.Next(4) switch
            {
                0 => (string.Join(' ', words), "as_listed"),
                1 => (string.Join(' ', words.OrderBy(_ => random.Next())), "reordered"),
                2 => (Typo(words, random), "typo"),
                _ => (DropMiddle(words), "middle_dropped"),
            };
            names.Add(new PerturbedName(name, kind, entry.Source, entry.ListId));
        }

        return names;
    }

    private static string Typo(List<string> words, Random random)
    {
        var candidates = words.Select((w, i) => (w, i)).Where(x => x.w.Length >= 5).ToList();
        if (candidates.Count == 0)
        {
            return string.Join(' ', words);
        }

        var (word, index) = candidates[random.Next(candidates.Count)];
        var chars = word.ToCharArray().ToList();
        var at = 1 + random.Next(chars.Count - 2); // keep the first letter, as most typos do
        switch (random.Next(3))
        {
            case 0:
                chars[at] = char.IsUpper(chars[at]) ? char.ToUpperInvariant(Letters[random.Next(26)]) : Letters[random.Next(26)];
                break;
            case 1:
                chars.RemoveAt(at);
                break;
            default:
                (chars[at], chars[at + 1 < chars.Count ? at + 1 : at - 1]) = (chars[at + 1 < chars.Count ? at + 1 : at - 1], chars[at]);
                break;
        }

        var copy = new List<string>(words) { [index] = new string([.. chars]) };
        return string.Join(' ', copy);
    }

    private static string DropMiddle(List<string> words) =>
        words.Count >= 3 ? string.Join(' ', words.Where((_, i) => i != words.Count / 2)) : string.Join(' ', words);
}
