using EKyc.Screening.Loading;
using EKyc.Screening.Model;

namespace EKyc.Screening.Tests;

public sealed class BirthDateTextTests
{
    public static TheoryData<string, PartialDate?> Phrases => new()
    {
        { "28 Jul 1963", new PartialDate(1963, 7, 28) },
        { "Jul 1963", new PartialDate(1963, 7) },
        { "1963", new PartialDate(1963) },
        { "1963.", new PartialDate(1963) },
        { "circa 1960", new PartialDate(1960, Approximate: true) },
        { "1960 to 1962", new PartialDate(1960, ToYear: 1962, Approximate: true) },
        { "01 Jan 1960 to 31 Dec 1962", new PartialDate(1960, ToYear: 1962, Approximate: true) },
        { "1963-07-28", new PartialDate(1963, 7, 28) },
        { "unknown", null },
        { "32 Jul 1963", null },
    };

    [Theory]
    [MemberData(nameof(Phrases))]
    public void Parses_the_phrases_the_lists_print(string text, PartialDate? expected) =>
        Assert.Equal(expected, BirthDateText.Parse(text));
}
