using EKyc.Screening.Evaluation;
using EKyc.Screening.Matching;
using EKyc.TestSupport;

namespace EKyc.Screening.Tests;

/// <summary>The shared labelled screening cases (watchman tests) against the full lists.</summary>
public sealed class LabelledCaseTests
{
    private static readonly Lazy<(IReadOnlyList<CaseOutcome> Outcomes, string Error)> Outcomes = new(Run);

    [Fact]
    public void Every_must_match_case_is_found()
    {
        var (outcomes, error) = Outcomes.Value;
        Assert.True(error.Length == 0, error);
        var mustMatch = outcomes.Where(o => o.Case.MustMatch).ToList();
        Assert.NotEmpty(mustMatch);
        var missed = mustMatch.Where(o => !o.Found).Select(o => o.Case.Id).ToList();
        Assert.True(missed.Count == 0, "missed: " + string.Join(", ", missed));
    }

    [Fact]
    public void No_must_not_match_case_is_a_hit()
    {
        var (outcomes, error) = Outcomes.Value;
        Assert.True(error.Length == 0, error);
        var negatives = outcomes.Where(o => !o.Case.MustMatch).ToList();
        Assert.NotEmpty(negatives);
        var falsePositives = negatives.Where(o => o.Found).Select(o => $"{o.Case.Id}: {o.TargetHit!.Explanation}").ToList();
        Assert.True(falsePositives.Count == 0, string.Join(Environment.NewLine, falsePositives));
    }

    [Fact]
    public void Cyrillic_greek_and_arabic_cross_script_pairs_match()
    {
        var pairs = CrossScriptPair.Load(SharedData.Require(SharedLists.CrossScriptPairs));
        // The scripts this library romanises: Greek, Cyrillic (U+0370–U+04FF) and Arabic (U+0600–U+06FF).
        var romanised = pairs.Where(p => p.Query.Any(c => c is >= '\u0370' and <= '\u04FF' or >= '\u0600' and <= '\u06FF')).ToList();
        Assert.Equal(10, romanised.Count);
        Assert.All(romanised, p => Assert.True(p.Score(ScreeningOptions.Default) >= ScreeningOptions.Default.PossibleThreshold, $"{p.Query} ~ {p.Expected}"));
    }

    private static (IReadOnlyList<CaseOutcome>, string) Run()
    {
        var cases = LabelledCase.Load(SharedData.Require(SharedLists.Cases));
        var data = Path.GetDirectoryName(Path.GetDirectoryName(SharedData.Require(SharedLists.OfacFull))!)!;
        var (lists, error) = SharedLists.LoadFull(data);
        if (error is not null)
        {
            return ([], error.Message);
        }

        return (ScreeningEvaluation.Run(cases, ScreeningIndex.Build(lists), ScreeningEvaluation.BuildSample(data)), "");
    }
}
