using EKyc.Documents.Mrz;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>Repairs decided by the MRZ's structure rather than by a check digit.</summary>
public sealed class MrzRepairStructureTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Fact]
    public void Letters_read_in_the_padding_after_the_names_become_filler()
    {
        var doc = MrzParser.Parse(["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<K<<<<<<<<KS<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today).Document!;
        Assert.Equal("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", doc.Lines[0]);
        Assert.Equal("ANNA MARIA", doc.GivenNames);
        Assert.Contains(doc.Issues, i => i is { Code: MrzIssueCodes.Repaired, Field: MrzLayout.Names, Detail: "filler" });
    }

    [Fact]
    public void A_single_filler_between_name_parts_is_not_padding()
    {
        var doc = MrzParser.Parse(["I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<", "D231458907UTO7408122F1204159<<<<<<<6"], Today).Document!;
        Assert.Equal("ANNA MARIA", doc.GivenNames);
        Assert.DoesNotContain(doc.Issues, i => i.Detail == "filler");
    }

    [Fact]
    public void A_code_that_stays_invalid_after_look_alike_swaps_is_left_as_printed()
    {
        // A Romanian card prints digits where the nationality goes; swapping 1→I and 2→Z would still leave the 3, so
        // the field is kept exactly as read (and reported), not half rewritten.
        var doc = MrzParser.Parse(["IDROUSAVA<<SUPERMAN<<<<<<<<<<<<<<<<<", "HD198025<51328505095M130509012049941"], Today).Document!;
        Assert.Equal("HD198025<51328505095M130509012049941", doc.Lines[1]);
        Assert.Contains(doc.Issues, i => i is { Code: MrzIssueCodes.InvalidCharacters, Field: MrzLayout.Nationality });
    }

    // A TD1 card whose document number KS8772563 was read with its K lost to '<' (a rendered capture, seed 196 of the
    // evaluation): K weighs 20 and '<' 0, so the check digit verifies either way.
    private static readonly string[] FillerInNumber = ["I<BVT<S87725630<<<<<<<<<<<<<<<", "6911133F2602121BVT<<<<<<<<<<<8", "MUSTERMANN<<ERIKA<<<<<<<<<<<<<"];

    [Fact]
    public void A_filler_inside_a_document_number_takes_the_recognisers_runner_up()
    {
        var doc = MrzParser.Parse(FillerInNumber, Today, MrzEvidence.Doubted(FillerInNumber, 0, 5, 'K', 0.18)).Document!;
        Assert.Equal("KS8772563", doc.DocumentNumber);
        Assert.True(doc.ChecksValid);
        Assert.Contains(doc.Issues, i => i is { Code: MrzIssueCodes.Repaired, Field: MrzLayout.DocumentNumber });
    }

    [Fact]
    public void A_filler_inside_a_document_number_is_kept_when_the_runner_up_would_fail_the_check()
    {
        // B weighs 11: the check digit says the glyph was not a B, so the reading is left as it was.
        var doc = MrzParser.Parse(FillerInNumber, Today, MrzEvidence.Doubted(FillerInNumber, 0, 5, 'B', 0.18)).Document!;
        Assert.Equal(FillerInNumber[0], doc.Lines[0]);
        Assert.DoesNotContain(doc.Issues, i => i is { Code: MrzIssueCodes.Repaired, Field: MrzLayout.DocumentNumber });
    }

    [Fact]
    public void A_filler_inside_a_document_number_is_kept_without_the_recognisers_doubt()
    {
        var doc = MrzParser.Parse(FillerInNumber, Today, MrzEvidence.Doubted(FillerInNumber, 0, 5, 'K', 0.05)).Document!;
        Assert.Equal(FillerInNumber[0], doc.Lines[0]);
    }
}
