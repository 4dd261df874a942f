using EKyc.Documents.Mrz;
using EKyc.Documents.Viz;
using OpenCvSharp;

namespace EKyc.Documents.Tests.Viz;

/// <summary>
/// The field matching on printed lines laid out like the ICAO 9303 specimen passport (fictional holder ERIKSSON ANNA
/// MARIA of UTO): captions and values in one column, as the recogniser returns them.
/// </summary>
public sealed class VizCrossCheckTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static readonly MrzDocument Specimen = MrzParser.Parse(
        ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<", "L898902C36UTO7408122F1204159ZE184226B<<<<<10"], Today).Document!;

    // (text, top) pairs in one column, 28 px high, 10 px apart.
    private static List<VizLine> Page(params (string Text, int Top)[] lines) =>
        lines.Select(l => new VizLine(l.Text, 0.99, new Rect(400, l.Top, 200, 28))).ToList();

    private static List<VizLine> Genuine() => Page(
        ("Passport No./N° de passeport", 100), ("L898902C3", 130),
        ("Surname/Nom", 175), ("ERIKSSON", 204),
        ("Given names/Prénoms", 238), ("ANNA MARIA", 265),
        ("Date of birth/Date de naissance", 358), ("12 AUG/AOÛT 74", 384),
        ("Date of issue/Date de délivrance", 478), ("16 APR/AVR 07", 506),
        ("Date of expiry/Date d'expiration", 541), ("15 APR/AVR 12", 567));

    private static List<VizLine> With(List<VizLine> lines, string original, string printed, double confidence = 0.99) =>
        lines.Select(l => l.Text == original ? l with { Text = printed, Confidence = confidence } : l).ToList();

    [Fact]
    public void The_genuine_page_agrees_on_every_field()
    {
        var result = VizCrossCheck.Compare(Genuine(), Specimen, Today);
        Assert.All(result.Fields.Values, o => Assert.Equal(VizOutcome.Agrees, o));
        Assert.Empty(result.Differing);
    }

    [Fact]
    public void Ocr_slips_still_agree()
    {
        var lines = With(With(With(Genuine(), "ANNA MARIA", "ANNAMARIA"), "L898902C3", "L8989O2C3"), "ERIKSSON", "ERIKSS0N");
        lines = With(lines, "12 AUG/AOÛT 74", "12AUGUST/A0UT74");
        var result = VizCrossCheck.Compare(lines, Specimen, Today);
        Assert.All(result.Fields.Values, o => Assert.Equal(VizOutcome.Agrees, o));
    }

    [Fact]
    public void A_printed_date_of_birth_that_contradicts_the_mrz_is_a_signal()
    {
        var result = VizCrossCheck.Compare(With(Genuine(), "12 AUG/AOÛT 74", "12 AUG/AOÛT 79"), Specimen, Today);
        Assert.Equal(VizOutcome.Differs, result[VizField.BirthDate]);
        Assert.Equal([VizField.BirthDate], result.Differing);
    }

    [Fact]
    public void An_extended_printed_expiry_is_a_signal_but_the_issue_date_is_not_mistaken_for_it()
    {
        Assert.Equal(VizOutcome.Differs, VizCrossCheck.Compare(With(Genuine(), "15 APR/AVR 12", "15 APR/AVR 17"), Specimen, Today)[VizField.Expiry]);
        // Expiry unread, its caption gone too: only birth and issue remain, and the issue date proves nothing.
        var unread = Genuine().Where(l => l.Text is not "15 APR/AVR 12" and not "Date of expiry/Date d'expiration").ToList();
        Assert.Equal(VizOutcome.NotCompared, VizCrossCheck.Compare(unread, Specimen, Today)[VizField.Expiry]);
    }

    [Fact]
    public void A_different_surname_above_the_given_names_is_a_signal_a_misread_one_is_not()
    {
        Assert.Equal(VizOutcome.Differs, VizCrossCheck.Compare(With(Genuine(), "ERIKSSON", "MUSTERMANN"), Specimen, Today)[VizField.Surname]);
        Assert.Equal(VizOutcome.NotCompared, VizCrossCheck.Compare(With(Genuine(), "ERIKSSON", "FRIKSSDN"), Specimen, Today)[VizField.Surname]);
    }

    [Fact]
    public void Names_printed_side_by_side_are_compared_too()
    {
        // The ICAO TD2 specimen card: primary and secondary identifier on one row.
        List<VizLine> Card(string surname) =>
        [
            new("Primary identifier/", 0.99, new Rect(298, 130, 245, 39)), new("Secondary identifier/", 0.99, new Rect(601, 123, 287, 37)),
            new(surname, 0.99, new Rect(316, 207, 187, 39)), new("ANNA MARIA", 0.99, new Rect(615, 201, 221, 38)),
        ];
        Assert.Equal(VizOutcome.Agrees, VizCrossCheck.Compare(Card("ERIKSSON"), Specimen, Today)[VizField.Surname]);
        Assert.Equal(VizOutcome.Differs, VizCrossCheck.Compare(Card("MUSTERMANN"), Specimen, Today)[VizField.Surname]);
    }

    [Fact]
    public void A_different_document_number_is_a_signal_one_slip_is_not()
    {
        Assert.Equal(VizOutcome.Differs, VizCrossCheck.Compare(With(Genuine(), "L898902C3", "L898517C4"), Specimen, Today)[VizField.DocumentNumber]);
        Assert.Equal(VizOutcome.NotCompared, VizCrossCheck.Compare(With(Genuine(), "L898902C3", "L898902C8"), Specimen, Today)[VizField.DocumentNumber]);
    }

    [Fact]
    public void Unsure_reads_and_missing_fields_are_not_compared_rather_than_flagged()
    {
        var unsure = VizCrossCheck.Compare(With(Genuine(), "12 AUG/AOÛT 74", "12 AUG/AOÛT 79", confidence: 0.6), Specimen, Today);
        Assert.Equal(VizOutcome.NotCompared, unsure[VizField.BirthDate]);
        var empty = VizCrossCheck.Compare([], Specimen, Today);
        Assert.All(empty.Fields.Values, o => Assert.Equal(VizOutcome.NotCompared, o));
        Assert.Equal(0, empty.Compared);
    }

    [Fact]
    public void The_machine_zone_itself_is_never_read_as_printed_text()
    {
        var mrzOnly = Specimen.Lines.Select((l, i) => new VizLine(l, 1.0, new Rect(0, 700 + 40 * i, 900, 30))).ToList();
        Assert.Equal(0, VizCrossCheck.Compare(mrzOnly, Specimen, Today).Compared);
    }
}
