using System.Diagnostics;
using System.Globalization;
using EKyc.Screening.Evaluation;
using EKyc.Screening.Matching;
using EKyc.Screening.Model;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Eval;

/// <summary>
/// Builds the index from the full OFAC 2019 + UN 2026 + BIS DPL lists, runs the labelled cases and measures names
/// screened per second, single-threaded and with Parallel.For, over the lists' own names perturbed.
/// </summary>
internal static class ScreeningEvalCommand
{
    public static int Run(string dataDirectory, int nameCount)
    {
        var inv = CultureInfo.InvariantCulture;
        var build = Stopwatch.StartNew();
        var (lists, error) = SharedLists.LoadFull(dataDirectory);
        if (error is not null)
        {
            Console.Error.WriteLine($"{error.Code}: {error.Message}");
            return 1;
        }

        var full = ScreeningIndex.Build(lists);
        build.Stop();
        var sample = ScreeningEvaluation.BuildSample(dataDirectory);
        Console.WriteLine(string.Create(inv, $"index: {full.EntryCount} entries, {full.NameCount} names, {full.VocabularySize} vocabulary entries (words and adjacent-word compounds), built in {build.ElapsedMilliseconds} ms"));
        foreach (var version in full.Versions)
        {
            Console.WriteLine($"  list {version}");
        }

        var cases = LabelledCase.Load(Path.Combine(dataDirectory, SharedLists.Cases));
        var outcomes = ScreeningEvaluation.Run(cases, full, sample);
        PrintCases(outcomes);

        var mustMatch = outcomes.Where(o => o.Skipped is null && o.Case.MustMatch).ToList();
        var mustNot = outcomes.Where(o => o.Skipped is null && !o.Case.MustMatch).ToList();
        var found = mustMatch.Count(o => o.Found);
        var falsePositives = mustNot.Count(o => o.Found);
        var fpRate = mustNot.Count == 0 ? 0 : (double)falsePositives / mustNot.Count;

        var pairs = CrossScriptPair.Load(Path.Combine(dataDirectory, SharedLists.CrossScriptPairs));
        var crossScriptMatched = PrintCrossScript(pairs, full.Options);

        var (single, parallel, recall, hitsPerQuery) = Throughput(full, nameCount);
        Console.WriteLine();
        Console.WriteLine("| measure | value |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(inv, $"| must-match cases found | {found}/{mustMatch.Count} |"));
        Console.WriteLine(string.Create(inv, $"| must-not-match cases hit (false positives) | {falsePositives}/{mustNot.Count} |"));
        var skipped = outcomes.Where(o => o.Skipped is not null).Select(o => $"{o.Case.Id}: {o.Skipped}").ToList();
        Console.WriteLine(string.Create(inv, $"| skipped cases | {skipped.Count}{(skipped.Count == 0 ? "" : $" ({string.Join("; ", skipped)})")} |"));
        Console.WriteLine(string.Create(inv, $"| cross-script pairs at or above the possible threshold | {crossScriptMatched}/{pairs.Count} |"));
        Console.WriteLine(string.Create(inv, $"| perturbed listed names: source entry among hits | {recall:P1} of {nameCount} |"));
        Console.WriteLine(string.Create(inv, $"| hits per perturbed name (mean) | {hitsPerQuery:0.00} |"));
        Console.WriteLine(string.Create(inv, $"| names/s single-threaded | {single:0} |"));
        Console.WriteLine(string.Create(inv, $"| names/s Parallel.For ({Environment.ProcessorCount} cores) | {parallel:0} |"));
        Console.WriteLine(string.Create(inv, $"RESULT must_match_found={found}/{mustMatch.Count} false_positive_rate={fpRate:0.###} names_per_s={parallel:0}"));
        return 0;
    }

    private static void PrintCases(IReadOnlyList<CaseOutcome> outcomes)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| case | query | expected | target | target score | top hit | top score | verdict |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var o in outcomes)
        {
            var top = o.Result is { Hits.Count: > 0 } r ? r.Hits[0] : null;
            var topText = top is null ? "-" : $"{top.Entry.Source}:{top.Entry.ListId} {Trim(top.Entry.PrimaryName)}";
            Console.WriteLine(string.Create(inv,
                $"| {o.Case.Id} | {Trim(o.Case.Query.FullName.Length > 0 ? o.Case.Query.FullName : o.Case.Address ?? "")} | {o.Case.Expected} | {o.Case.TargetId} | {(o.TargetHit is null ? "-" : $"{o.TargetHit.Score:0.000} {o.TargetHit.Strength}")} | {topText} | {(top is null ? "-" : top.Score.ToString("0.000", inv))} | {o.Verdict} |"));
        }

        Console.WriteLine();
        foreach (var o in outcomes.Where(o => o.TargetHit is not null))
        {
            Console.WriteLine($"  {o.Case.Id}: {o.TargetHit!.Explanation}");
        }
    }

    private static int PrintCrossScript(IReadOnlyList<CrossScriptPair> pairs, ScreeningOptions options)
    {
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine();
        Console.WriteLine("| cross-script query | romanised | expected | name score | verdict |");
        Console.WriteLine("|---|---|---|---|---|");
        var matched = 0;
        foreach (var pair in pairs)
        {
            var score = pair.Score(options);
            var pass = score >= options.PossibleThreshold;
            matched += pass ? 1 : 0;
            Console.WriteLine(string.Create(inv, $"| {pair.Query} | {NameNormalizer.Normalize(pair.Query)} | {pair.Expected} | {score:0.000} | {(pass ? "match" : "no match")} |"));
        }

        return matched;
    }

    private static (double Single, double Parallel, double Recall, double HitsPerQuery) Throughput(ScreeningIndex index, int count)
    {
        var names = PerturbedNames.From(index.Entries.Where(e => e.Source is ListSource.OfacSdn or ListSource.UnConsolidated).ToList(), count);
        var queries = names.Select(n => new ScreeningQuery { FullName = n.Name }).ToArray();

        // Warm up (JIT, per-thread scratch) before timing.
        for (var i = 0; i < Math.Min(3000, queries.Length); i++)
        {
            index.Screen(queries[i]);
        }

        var found = new bool[queries.Length];
        long hits = 0;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < queries.Length; i++)
        {
            var result = index.Screen(queries[i]);
            hits += result.Hits.Count;
            found[i] = result.Hits.Any(h => h.Entry.ListId == names[i].ListId && h.Entry.Source == names[i].Source);
        }

        var single = queries.Length / watch.Elapsed.TotalSeconds;
        Console.WriteLine();
        Console.WriteLine("| perturbation | names | source entry among hits |");
        Console.WriteLine("|---|---|---|");
        foreach (var group in names.Select((n, i) => (n.Perturbation, Found: found[i])).GroupBy(x => x.Perturbation).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {group.Key} | {group.Count()} | {group.Count(x => x.Found) / (double)group.Count():P1} |"));
        }

        watch.Restart();
        Parallel.For(0, queries.Length, i => index.Screen(queries[i]));
        var parallel = queries.Length / watch.Elapsed.TotalSeconds;
        return (single, parallel, found.Count(f => f) / (double)queries.Length, (double)hits / queries.Length);
    }

    private static string Trim(string text) => text.Length <= 40 ? text.Replace("|", "/", StringComparison.Ordinal) : text[..37].Replace("|", "/", StringComparison.Ordinal) + "...";
}
