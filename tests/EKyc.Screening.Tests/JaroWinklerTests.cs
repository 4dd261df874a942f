using EKyc.Screening.Normalisation;

namespace EKyc.Screening.Tests;

public sealed class JaroWinklerTests
{
    // Reference values from Winkler's paper examples, as commonly tabulated.
    [Theory]
    [InlineData("martha", "marhta", 0.961)]
    [InlineData("dwayne", "duane", 0.840)]
    [InlineData("dixon", "dicksonx", 0.813)]
    [InlineData("jellyfish", "smellyfish", 0.896)]
    [InlineData("abc", "abc", 1.0)]
    [InlineData("abc", "xyz", 0.0)]
    [InlineData("", "abc", 0.0)]
    public void Similarity_matches_reference_values(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 3);

    [Theory]
    [InlineData("martha", "marhta", 0.944)]
    [InlineData("dwayne", "duane", 0.822)]
    [InlineData("dixon", "dicksonx", 0.767)]
    public void Jaro_matches_reference_values(string a, string b, double expected) =>
        Assert.Equal(expected, JaroWinkler.Jaro(a, b), 3);

    [Theory]
    [InlineData("maduro", "nicolas")]
    [InlineData("khoroshev", "dmitry")]
    public void Similarity_is_symmetric(string a, string b) =>
        Assert.Equal(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(b, a), 12);
}
