using EKyc.Documents.Mrz;

namespace EKyc.Documents.Tests.Mrz;

public sealed class MrzValidatorTests
{
    private static readonly MrzValidationOptions Options = new();

    private static List<string> Codes(DateOnly today, params string[] lines)
    {
        var doc = MrzParser.Parse(lines, today).Document!;
        return MrzValidator.Validate(doc, today, Options).Where(i => i.Severity == MrzSeverity.Error).Select(i => i.Code).ToList();
    }

    [Fact]
    public void Specimen_state_expiry_and_nationality_are_each_reported()
    {
        var codes = Codes(new DateOnly(2026, 11, 27), "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal([MrzIssueCodes.DocumentExpired, MrzIssueCodes.UnknownIssuingState, MrzIssueCodes.UnknownNationality], codes);
    }

    [Fact]
    public void A_valid_document_of_a_real_state_passes_before_its_expiry()
    {
        var codes = Codes(new DateOnly(2011, 1, 1), "P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<", "99003853<1CZE1101018M1207046110101111<<<<<94");
        // Born 2011-01-01: on 2011-01-01 the holder is a newborn.
        Assert.Equal([MrzIssueCodes.UnderMinimumAge], codes);
        // The Czech specimen of a holder born 1969, checked while the passport was valid.
        Assert.Empty(Codes(new DateOnly(2015, 1, 1), "P<CZESPECIMEN<<VZOR<<<<<<<<<<<<<<<<<<<<<<<<<", "99009054<4CZE6906229F16072996956220612<<<<74"));
    }

    [Fact]
    public void Minimum_age_counts_whole_years()
    {
        Assert.Equal(17, MrzValidator.AgeOn(new DateOnly(2008, 11, 28), new DateOnly(2026, 11, 27)));
        Assert.Equal(18, MrzValidator.AgeOn(new DateOnly(2008, 11, 27), new DateOnly(2026, 11, 27)));
    }

    [Fact]
    public void Germany_single_letter_code_is_known_and_bos_is_not()
    {
        Assert.True(IcaoCodes.IsKnown("D"));
        Assert.False(IcaoCodes.IsKnown("BOS"));
        Assert.False(IcaoCodes.IsKnown("UTO"));
    }
}
