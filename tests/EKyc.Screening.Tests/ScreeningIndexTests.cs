using EKyc.Screening.Evaluation;
using EKyc.Screening.Loading;
using EKyc.Screening.Matching;
using EKyc.Screening.Model;
using EKyc.TestSupport;

namespace EKyc.Screening.Tests;

public sealed class ScreeningIndexTests
{
    private static readonly Lazy<ScreeningIndex> EuSample = new(() =>
        ScreeningIndex.Build([EuConsolidatedLoader.Load(Path.Combine(AppContext.BaseDirectory, "FormatSamples", "eu_consolidated_format_sample.xml")).List!]));

    [Fact]
    public void A_hit_carries_score_strength_matched_name_explanation_and_list_version()
    {
        var result = EuSample.Value.Screen(new ScreeningQuery { FullName = "One, Test Person" });
        var hit = Assert.Single(result.Hits);
        Assert.Equal("EU.TEST.1", hit.Entry.ListId);
        Assert.Equal(1.0, hit.Score, 6);
        Assert.Equal(HitStrength.Strong, hit.Strength);
        Assert.Equal(MatchedField.Name, hit.MatchedField);
        Assert.Contains("person~person exact", hit.Explanation, StringComparison.Ordinal);
        Assert.Equal(ListSource.EuConsolidated, Assert.Single(result.ListVersion).Source);
    }

    [Fact]
    public void Date_of_birth_confirms_or_rules_out()
    {
        var index = EuSample.Value;
        var name = "Test Persen Uno"; // close to the weak alias, not exact
        var plain = index.Screen(new ScreeningQuery { FullName = name }).Hits.Single();
        var confirmed = index.Screen(new ScreeningQuery { FullName = name, BirthDate = new DateOnly(1970, 5, 1) }).Hits.Single();
        var ruledOut = index.Screen(new ScreeningQuery { FullName = name, BirthDate = new DateOnly(1985, 1, 1) });

        Assert.True(confirmed.Score > plain.Score);
        Assert.Contains(confirmed.Adjustments, a => a.Code == "dob_exact");
        Assert.Contains(plain.Adjustments, a => a.Code == "weak_alias");
        Assert.Empty(ruledOut.Hits);
    }

    [Fact]
    public void An_approximate_year_within_one_year_neither_confirms_nor_rules_out()
    {
        var hit = EuSample.Value.Screen(new ScreeningQuery { FullName = "Test Person One", BirthDate = new DateOnly(1972, 3, 3) }).Hits.Single();
        Assert.Contains(hit.Adjustments, a => a is { Code: "dob_year", Delta: 0 });
    }

    [Fact]
    public void Nationality_by_name_or_code_confirms_and_a_different_one_lowers()
    {
        var index = EuSample.Value;
        var byCode = index.Screen(new ScreeningQuery { FullName = "Test Person One", Nationality = "FR" }).Hits.Single();
        var other = index.Screen(new ScreeningQuery { FullName = "Test Person One", Nationality = "Belgium" }).Hits.Single();
        Assert.Contains(byCode.Adjustments, a => a.Code == "nationality_match");
        Assert.Contains(other.Adjustments, a => a.Code == "nationality_mismatch");
        Assert.True(byCode.Score > other.Score);
    }

    [Fact]
    public void A_different_entity_type_is_never_a_hit() =>
        Assert.Empty(EuSample.Value.Screen(new ScreeningQuery { FullName = "Test Person One", Type = EntryType.Entity }).Hits);

    [Fact]
    public void An_identifier_finds_the_entry_even_under_another_name()
    {
        var result = EuSample.Value.Screen(new ScreeningQuery
        {
            FullName = "Unrelated Name",
            Identifiers = [new QueryIdentifier("passport", "test-0001")],
        });
        var hit = Assert.Single(result.Hits);
        Assert.Equal(MatchedField.Identifier, hit.MatchedField);
        Assert.Equal(HitStrength.Strong, hit.Strength);
    }

    [Fact]
    public void An_address_alone_is_screened_against_listed_addresses()
    {
        var hit = Assert.Single(EuSample.Value.Screen(new ScreeningQuery { FullName = "", Address = "1 Example Street Sampleville" }).Hits);
        Assert.Equal(("EU.TEST.2", MatchedField.Address), (hit.Entry.ListId, hit.MatchedField));
    }

    [Fact]
    public void Full_index_screens_in_parallel_with_the_same_results_as_in_sequence()
    {
        var data = SharedData.Require("sanctions");
        var (lists, error) = SharedLists.LoadFull(Path.GetDirectoryName(data)!);
        Assert.Null(error);
        var index = ScreeningIndex.Build(lists);
        var names = PerturbedNames.From(index.Entries, 400);
        var sequential = names.Select(n => Describe(index.Screen(new ScreeningQuery { FullName = n.Name }))).ToArray();
        var parallel = new string[names.Count];
        Parallel.For(0, names.Count, i => parallel[i] = Describe(index.Screen(new ScreeningQuery { FullName = names[i].Name })));
        Assert.Equal(sequential, parallel);

        // Every list the index was built from is named with its hash.
        Assert.Equal(5, index.Versions.Count);
        Assert.Contains(index.Versions, v => v is { Source: ListSource.UnConsolidated, FileName: "UN_consolidated.xml" });
    }

    private static string Describe(ScreeningResult result) =>
        string.Join(";", result.Hits.Select(h => $"{h.Entry.Source}:{h.Entry.ListId}:{h.Score:0.000000}"));
}
