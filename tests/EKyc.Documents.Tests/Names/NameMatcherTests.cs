using EKyc.Documents.Names;

namespace EKyc.Documents.Tests.Names;

/// <summary>Names from the ICAO 9303 specimens and single words; no real person's name.</summary>
public sealed class NameMatcherTests
{
    [Fact]
    public void Transliterates_the_icao_way_and_the_dropped_diacritic_way()
    {
        var spellings = IcaoTransliteration.Variants("Müller").Select(w => string.Join(' ', w)).ToList();
        Assert.Contains("MUELLER", spellings);
        Assert.Contains("MULLER", spellings);
        Assert.Contains("STRASSE", IcaoTransliteration.Variants("Straße").Select(w => string.Join(' ', w)));
        Assert.Contains("JOSE", IcaoTransliteration.Variants("José").Select(w => string.Join(' ', w)));
    }

    [Theory]
    [InlineData("Anna María", "Eriksson", NameMatch.Match)]
    [InlineData("Maria Anna", "Eriksson", NameMatch.Match)]   // order of given names
    [InlineData("Anna", "Eriksson", NameMatch.Match)]         // registered a subset
    [InlineData("anna maria", "ERIKSSON", NameMatch.Match)]   // case
    [InlineData("Anna Maria", "Svensson", NameMatch.Partial)] // another surname
    [InlineData("Peter John", "Stevenson", NameMatch.Different)]
    public void Compares_registration_with_the_mrz(string given, string surname, NameMatch expected) =>
        Assert.Equal(expected, NameMatcher.Compare(given, surname, "ANNA MARIA", "ERIKSSON"));

    [Fact]
    public void A_truncated_mrz_name_matches_its_full_registration()
    {
        // TD1 name line of 30 characters cut the second given name.
        Assert.Equal(NameMatch.Match, NameMatcher.Compare("Ulrike Katia", "Reinartz", "ULRIKE KAT", "REINARTZ", documentNamesTruncated: true));
        Assert.NotEqual(NameMatch.Match, NameMatcher.Compare("Ulrike Katia", "Reinartz", "ULRIKE KAT", "REINARTZ", documentNamesTruncated: false));
    }

    [Fact]
    public void Hyphenated_and_spaced_compound_surnames_agree()
    {
        Assert.Equal(NameMatch.Match, NameMatcher.Compare("Joanna", "Kowalska-Kwiatkowska", "JOANNA", "KOWALSKA KWIATKOWSKA"));
    }

    [Fact]
    public void One_ocr_slip_in_a_longer_word_is_tolerated_but_not_in_a_short_one()
    {
        Assert.Equal(NameMatch.Match, NameMatcher.Compare("Anna Maria", "Eriksson", "ANNA MARIA", "ERIKSON"));
        Assert.NotEqual(NameMatch.Match, NameMatcher.Compare("Anna Maria", "Eriksson", "ANNA MARIA", "ERICKSEN"));
        Assert.NotEqual(NameMatch.Match, NameMatcher.Compare("Ana", "Eriksson", "AN", "ERIKSSON"));
    }
}
