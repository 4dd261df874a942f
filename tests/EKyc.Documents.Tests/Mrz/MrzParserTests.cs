using EKyc.Documents.Mrz;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>Literal MRZs from the ICAO 9303 specimens (fictional state UTO, fictional holder).</summary>
public sealed class MrzParserTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static MrzDocument Parse(params string[] lines)
    {
        var result = MrzParser.Parse(lines, Today);
        Assert.Null(result.Failure);
        return result.Document!;
    }

    [Fact]
    public void Parses_td3_with_every_check_digit()
    {
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal(MrzFormat.Td3, doc.Format);
        Assert.Equal("ERIKSSON", doc.Surname);
        Assert.Equal("ANNA MARIA", doc.GivenNames);
        Assert.Equal("L898902C3", doc.DocumentNumber);
        Assert.Equal(new DateOnly(1974, 8, 12), doc.BirthDate);
        Assert.Equal(new DateOnly(2012, 4, 15), doc.ExpiryDate);
        Assert.Equal("F", doc.Sex);
        Assert.True(doc.ChecksValid);
        Assert.Equal(5, doc.CheckDigits.Count);
    }

    [Fact]
    public void A_wrong_personal_number_digit_fails_that_check_and_the_composite_stays_separate()
    {
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<20");
        Assert.False(doc.CheckDigits[MrzLayout.PersonalNumber]);
        Assert.Contains(doc.Issues, i => i.Code == MrzIssueCodes.CheckDigitFailed && i.Field == MrzLayout.PersonalNumber);
    }

    [Fact]
    public void Parses_td1_and_td2()
    {
        var td1 = Parse("I<UTOD231458907<<<<<<<<<<<<<<<", "7408122F1204159UTO<<<<<<<<<<<6", "ERIKSSON<<ANNA<MARIA<<<<<<<<<<");
        Assert.Equal((MrzFormat.Td1, "D23145890", true), (td1.Format, td1.DocumentNumber, td1.ChecksValid));
        var td2 = Parse("I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6");
        Assert.Equal((MrzFormat.Td2, "D23145890", true), (td2.Format, td2.DocumentNumber, td2.ChecksValid));
    }

    [Fact]
    public void Visa_layouts_have_no_composite()
    {
        var a = Parse("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8988901C4XXX4009078F96121096ZE184226B<<<<<<");
        Assert.Equal(MrzFormat.MrvA, a.Format);
        Assert.False(a.CheckDigits.ContainsKey(MrzLayout.Composite));
        Assert.True(a.ChecksValid);
        var b = Parse("V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "L8988901C4XXX4009078F9612109<<<<<<<<");
        Assert.Equal((MrzFormat.MrvB, true), (b.Format, b.ChecksValid));
    }

    [Fact]
    public void Repairs_type_forced_confusions_and_reports_them()
    {
        var doc = Parse("P<UT0ERIK55ON<<ANNA<MAR1A<<<<<<<<<<<<<<<<<<<", "L898902C36UTO740BIZZF12041S9ZE184226B<<<<<1O");
        Assert.Equal("ERIKSSON", doc.Surname);
        Assert.Equal("ANNA MARIA", doc.GivenNames);
        Assert.Equal("UTO", doc.IssuingState);
        Assert.Equal(new DateOnly(1974, 8, 12), doc.BirthDate);
        Assert.True(doc.ChecksValid);
        Assert.Contains(doc.Issues, i => i.Code == MrzIssueCodes.Repaired && i.Field == MrzLayout.BirthDate);
    }

    [Fact]
    public void Repairs_a_document_number_only_when_the_check_digit_confirms_it()
    {
        // The OCR read 'C' correctly but '0' as 'O' inside the alphanumeric document number.
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L8989O2C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal("L898902C3", doc.DocumentNumber);
        Assert.True(doc.ChecksValid);
        Assert.Contains(doc.Issues, i => i.Code == MrzIssueCodes.Repaired && i.Field == MrzLayout.DocumentNumber);
    }

    [Fact]
    public void Leaves_an_alphanumeric_field_alone_when_no_single_swap_verifies()
    {
        // A wrong digit (not a confusion) cannot be repaired: the check fails and the text is kept as read.
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898972C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal("L898972C3", doc.DocumentNumber);
        Assert.False(doc.CheckDigits[MrzLayout.DocumentNumber]);
    }

    [Fact]
    public void Two_equally_good_repairs_are_a_guess_and_neither_is_applied()
    {
        // Both LB988O2C3 and L898BO2C3 would verify: the reading stays as OCR gave it, and the check fails.
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898802C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal("L898802C3", doc.DocumentNumber);
        Assert.False(doc.ChecksValid);
    }

    [Fact]
    public void Of_two_equally_good_repairs_the_one_keeping_the_letters_of_the_number_together_wins()
    {
        // A synthetic card's number OK3709088 read with the O as 0: turning either 0 of weight 7 back into O verifies
        // (0K3709088 has zeros at places 1 and 7), but OK3709088 keeps its letters in one run and 0K37O9088 does not.
        var doc = Parse("I<HRVSPECIMEN<<SAMPLE<<<<<<<<<<<<<<<", "0K37090881BEL9206229F2705099<<<<<<<0");
        Assert.Equal("OK3709088", doc.DocumentNumber);
        Assert.True(doc.ChecksValid);
        Assert.Contains(doc.Issues, i => i.Code == MrzIssueCodes.Repaired && i.Field == MrzLayout.DocumentNumber && i.Detail == MrzRepair.GroupingDetail);
    }

    [Fact]
    public void Equally_good_repairs_in_the_optional_data_stay_a_guess()
    {
        // Optional data follows no numbering scheme: GIZOT5H6J0 and GIZ0T5H6JO both verify the composite, so neither
        // is applied, however the letters would group.
        var doc = Parse("P<BOLERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "U524867163BOL6206239<3509124GIZ0T5H6J0<<<<70");
        Assert.Equal("U524867163BOL6206239<3509124GIZ0T5H6J0<<<<70", doc.Lines[1]);
        Assert.False(doc.ChecksValid);
    }

    [Fact]
    public void Reads_a_td1_document_number_continued_in_the_optional_data()
    {
        var doc = Parse("I<UTOD23145890<7349<<<<<<<<<<<", "3407127M9507122UTO<<<<<<<<<<<2", "STEVENSON<<PETER<JOHN<<<<<<<<<");
        Assert.Equal("D23145890734", doc.DocumentNumber);
        Assert.True(doc.CheckDigits[MrzLayout.DocumentNumber]);
    }

    [Fact]
    public void Trailing_filler_lost_by_ocr_is_restored()
    {
        var doc = Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10");
        Assert.Equal(MrzFormat.Td3, doc.Format);
        Assert.True(doc.ChecksValid);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA")]
    [InlineData("IDFRATEST<NAME<<<<<<<<<<<<<<<<0CHE02<<<<<<<<0CHE02|1710GVA123451ROBERTA<<<<<<<9112311F2<<<<<<<<0CHE02")]
    public void Unknown_shapes_are_refused_with_a_stable_code(string joined)
    {
        var result = MrzParser.Parse(joined.Split('|'), Today);
        Assert.Null(result.Document);
        Assert.Equal(MrzIssueCodes.FormatUnrecognized, result.Failure!.Code);
    }

    [Fact]
    public void Resolves_centuries_by_field()
    {
        var doc = Parse("VBD<<DEDIC<<SIDNAN<<<<<<<<<<<<<<<<<<", "D091740530BIH8201135M9708011<2020711");
        Assert.Equal(new DateOnly(1982, 1, 13), doc.BirthDate);
        Assert.Equal(new DateOnly(1997, 8, 1), doc.ExpiryDate);
    }
}
