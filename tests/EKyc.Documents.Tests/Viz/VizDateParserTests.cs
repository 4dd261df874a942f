using EKyc.Documents.Viz;

namespace EKyc.Documents.Tests.Viz;

/// <summary>Dates as issuers print them in the visual zone (the strings are the specimens' printed dates).</summary>
public sealed class VizDateParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static List<DateOnly> Readings(string text) => VizDateParser.Find(text, Today).SelectMany(d => d.Readings).ToList();

    [Theory]
    [InlineData("12 AUG 1964")]
    [InlineData("12.08.1964")]
    [InlineData("12 08 1964")]
    [InlineData("12-08-1964")]
    [InlineData("12 AUG/AOÛT 1964")]
    [InlineData("12AUGUST/AOUT1964")]
    [InlineData("12 AUG/A0UT 1964")]       // OCR read the O of AOÛT as a zero
    [InlineData("12 Aug /Aug 1964")]
    [InlineData("1964.08.12.")]            // year first
    [InlineData("1964-08-12")]
    [InlineData("12.O8.1964")]             // a letter O inside the digits
    [InlineData("1208.1964")]              // a lost separator
    [InlineData("12081964")]               // spaced groups run together
    [InlineData("Date of birth 12.08.1964")]
    public void Reads_the_printed_forms_of_one_date(string printed) =>
        Assert.Equal([new DateOnly(1964, 8, 12)], Readings(printed));

    [Fact]
    public void A_two_digit_year_keeps_both_plausible_centuries_and_slashes_keep_both_orders()
    {
        Assert.Equal([new DateOnly(2030, 4, 15), new DateOnly(1930, 4, 15)], Readings("15 APR/AVR 30"));
        Assert.Equal([new DateOnly(2012, 4, 15)], Readings("15 APR/AVR 12")); // 1912 is more than 110 years back
        var slashed = Readings("04/10/59");
        Assert.Contains(new DateOnly(1959, 10, 4), slashed);
        Assert.Contains(new DateOnly(1959, 4, 10), slashed);
        Assert.DoesNotContain(new DateOnly(2059, 10, 4), slashed); // more than 30 years ahead
    }

    [Fact]
    public void Matches_an_mrz_date_by_day_month_and_two_digit_year()
    {
        // The MRZ has no century: a holder printed as born in 1911 is 2011 once the MRZ is resolved.
        var date = Assert.Single(VizDateParser.Find("01.01.1911", Today));
        Assert.True(date.Is(new DateOnly(2011, 1, 1)));
        Assert.False(date.Is(new DateOnly(2011, 1, 2)));
    }

    [Theory]
    [InlineData("L898902C3")]
    [InlineData("99003853")]
    [InlineData("45911231023")]
    [InlineData("ERIKSSON")]
    [InlineData("31.02.1990")]   // no such day
    [InlineData("12 ABC 1964")]  // no such month
    public void Finds_no_date_where_there_is_none(string printed) => Assert.Empty(Readings(printed));

    [Fact]
    public void Finds_every_date_of_a_line()
    {
        var dates = VizDateParser.Find("16 APR/AVR 07   15 APR/AVR 12", Today);
        Assert.Equal(2, dates.Count);
        Assert.True(dates[0].Is(new DateOnly(2007, 4, 16)));
        Assert.True(dates[1].Is(new DateOnly(2012, 4, 15)));
    }
}
