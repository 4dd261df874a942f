using EKyc.Screening.Loading;
using EKyc.Screening.Matching;
using EKyc.Screening.Model;

namespace EKyc.Screening.Evaluation;

/// <summary>The result of one labelled case.</summary>
/// <param name="TargetHit">The hit for the case's target entry, when it was among the hits.</param>
/// <param name="Skipped">Why the case was not run (address-only search), or null.</param>
public sealed record CaseOutcome(LabelledCase Case, ScreeningResult? Result, ScreeningHit? TargetHit, string? Skipped)
{
    public bool Found => TargetHit is not null;

    /// <summary>pass, miss (a must-match not found), false_positive (a must-not-match found) or skipped.</summary>
    public string Verdict => Skipped is not null ? "skipped"
        : Case.MustMatch ? (Found ? "pass" : "miss")
        : Found ? "false_positive" : "pass";
}

/// <summary>
/// Runs the labelled cases: cases on the 2019 OFAC list run against the full index (OFAC 2019 + UN 2026 + BIS DPL),
/// cases on the 2025 sample against an index of that sample, and self-contained pair cases against their own record.
/// </summary>
public static class ScreeningEvaluation
{
    public static IReadOnlyList<CaseOutcome> Run(IReadOnlyList<LabelledCase> cases, ScreeningIndex full, ScreeningIndex sample)
    {
        var outcomes = new List<CaseOutcome>(cases.Count);
        foreach (var c in cases)
        {
            var index = c.ListFolder switch
            {
                SharedLists.OfacFull => full,
                SharedLists.OfacSample => sample,
                _ when c.OwnEntry is { } own => ScreeningIndex.Build([own], [], full.Options),
                _ => null,
            };
            if (index is null)
            {
                outcomes.Add(new CaseOutcome(c, null, null, $"no index for list {c.ListFolder}"));
                continue;
            }

            var result = index.Screen(c.Query);
            var target = result.Hits.FirstOrDefault(h => h.Entry.ListId == c.TargetId
                && (c.ListFolder is null || h.Entry.Source == ListSource.OfacSdn));
            outcomes.Add(new CaseOutcome(c, result, target, null));
        }

        return outcomes;
    }

    public static ScreeningIndex BuildSample(string dataDirectory)
    {
        var sample = OfacSdnLoader.Load(Path.Combine(dataDirectory, SharedLists.OfacSample));
        return ScreeningIndex.Build(sample.IsSuccess ? [sample.List!] : []);
    }
}
