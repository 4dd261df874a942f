using EKyc.Screening.Matching;
using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Tests;

public sealed class NameScorerTests
{
    private static double Score(string query, string listed) =>
        NameScorer.Score(NameNormalizer.Tokenize(query), NameNormalizer.Tokenize(listed), ScreeningOptions.Default.TokenThreshold).Score;

    [Theory]
    [InlineData("nicolas maduro moros", "MADURO MOROS, Nicolas", 1.0)]
    [InlineData("AIRLINES AEROCARIBBEAN", "AEROCARIBBEAN AIRLINES", 1.0)]
    [InlineData("ANGLO CARIBBEAN CO LTD", "ANGLO-CARIBBEAN CO., LTD.", 1.0)]
    public void Order_case_and_punctuation_do_not_matter(string query, string listed, double expected) =>
        Assert.Equal(expected, Score(query, listed), 6);

    [Theory]
    [InlineData("Nicolas MADURO", "MADURO MOROS, Nicolas")] // missing second surname
    [InlineData("AEROCARRIBEAN AIRLINES", "AEROCARIBBEAN AIRLINES")] // misspelling
    [InlineData("Dmitri Yuryevich KHOROSHEV", "KHOROSHEV, Dmitry Yuryevich")] // transliteration variant
    [InlineData("abd allah", "ABDULLAH")] // compound written apart
    [InlineData("myongchin chang", "CHANG MYONG-CHIN")] // compound written together
    [InlineData("عبد الله", "Abdullah")] // Arabic script against Latin
    public void Variants_of_the_same_name_reach_the_possible_threshold(string query, string listed) =>
        Assert.True(Score(query, listed) >= ScreeningOptions.Default.PossibleThreshold, $"{query} ~ {listed}: {Score(query, listed):0.000}");

    [Theory]
    [InlineData("george bush", "HABBASH, George")]
    [InlineData("george bush", "CHIWESHE, George")]
    [InlineData("CARIBBEAN TRADING LIMITED", "PACIFIC TRADING LIMITED")]
    [InlineData("mohamed salem", "abd al rahman ould muhammad al husayn ould muhammad salim")]
    [InlineData("AEROCARIBBEAN AIRLINES", "BANCO NACIONAL DE CUBA")]
    public void Shared_common_words_stay_below_the_possible_threshold(string query, string listed) =>
        Assert.True(Score(query, listed) < ScreeningOptions.Default.PossibleThreshold, $"{query} ~ {listed}: {Score(query, listed):0.000}");

    [Fact]
    public void A_missing_middle_name_costs_less_than_a_wrong_surname() =>
        Assert.True(Score("John Smith", "John Michael Smith") > Score("John Smyth-Jones", "John Michael Smith"));

    [Fact]
    public void Matches_explain_which_tokens_paired_and_how()
    {
        var match = NameScorer.Score(NameNormalizer.Tokenize("Dmitri Khoroshev"), NameNormalizer.Tokenize("KHOROSHEV, Dmitry"), 0.8);
        Assert.Contains(match.Matches, m => m is { QueryToken: "khoroshev", ListedToken: "khoroshev", Kind: "exact" });
        Assert.Contains(match.Matches, m => m is { QueryToken: "dmitri", ListedToken: "dmitry", Kind: "fuzzy" } && m.Similarity > 0.9);
    }
}
