using EKyc.Documents.Checks;
using EKyc.Documents.Intake;
using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using EKyc.TestSupport;
using EKyc.Verification.Checks;

namespace EKyc.Documents.Tests.Checks;

/// <summary>The document checks end to end on published specimen images (../shared/data/documents).</summary>
public sealed class DocumentVerifierTests
{
    private static readonly DateTimeOffset While2015 = new(2015, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private static (DocumentVerification Result, PaddleRecognizer Ocr) Verify(string file, DocumentKind kind, string given, string surname, DateTimeOffset at, DateOnly? birth = null)
    {
        var models = ModelFiles.Require(ModelFiles.Ocr);
        var path = Path.Combine(SharedData.Require("documents"), "passporteye", file);
        var ocr = new PaddleRecognizer(models);
        using var image = new ImageIntake(new IntakeOptions { MinSide = 100 }).Decode(File.ReadAllBytes(path));
        var verifier = new DocumentVerifier(new MrzReader(ocr), new DocumentVerifierOptions());
        return (verifier.Verify(new DocumentCapture(image.Image!, null, kind, given, surname, birth), DateOnly.FromDateTime(at.UtcDateTime), at), ocr);
    }

    private static CheckResult Result(DocumentVerification v, string check) => v.Results.Single(r => r.CheckName == check);

    [Fact]
    public void A_valid_specimen_passes_every_check_and_reports_its_facts()
    {
        var (v, ocr) = Verify("100_pass-cze2.jpg", DocumentKind.Passport, "Vzor", "Specimen", While2015);
        using var _ = ocr;
        Assert.All(v.Results, r => Assert.Equal(CheckOutcome.Pass, r.Outcome));
        var mrz = Result(v, DocumentVerifier.MrzCheck);
        Assert.Equal("2016-07-29", mrz.Facts[CheckFacts.DocumentExpiry]);
        Assert.Equal("1969-06-22", mrz.Facts[CheckFacts.BirthDate]);
        Assert.Equal("CZE", mrz.Facts[CheckFacts.Nationality]);
        Assert.Equal("*****054", mrz.Facts[CheckFacts.DocumentNumberMasked]);
    }

    [Fact]
    public void The_same_document_is_ineligible_once_expired_and_a_wrong_type_or_name_is_flagged()
    {
        var (v, ocr) = Verify("100_pass-cze2.jpg", DocumentKind.IdCard, "Erika", "Specimen", new DateTimeOffset(2026, 11, 27, 0, 0, 0, TimeSpan.Zero));
        using var _ = ocr;
        var data = Result(v, DocumentVerifier.DataCheck);
        Assert.Contains(data.Reasons, r => r.Code == "document_expired" && r.Category == ReasonCategory.Ineligible);
        Assert.Contains(data.Reasons, r => r.Code == "document_type_mismatch");
        Assert.Contains(Result(v, DocumentVerifier.NameCheck).Reasons, r => r.Code == "document_name_mismatch");
    }

    [Fact]
    public void A_card_scanned_beside_another_is_read_though_its_border_joins_the_mrz_to_the_print_above()
    {
        // Two residence cards side by side; the right card's border links its MRZ to the notice above it.
        var path = Path.Combine(SharedData.Require("documents"), "passporteye", "100_id-usa.jpg");
        using var ocr = new PaddleRecognizer(ModelFiles.Require(ModelFiles.Ocr));
        using var image = new ImageIntake(new IntakeOptions { MinSide = 100 }).Decode(File.ReadAllBytes(path));
        var reading = new MrzReader(ocr).Read(image.Image!, new DateOnly(2009, 1, 1));
        Assert.Equal(["IAUSA0000000033LIN1044750079<<", "5808175F1004027COD<<<<<<<<<<<7", "SPECIMEN<<TEST<VOID<<<<<<<<<<<"], reading.Document?.Lines);
        Assert.True(reading.Document!.ChecksValid);
    }

    [Fact]
    public void An_icao_specimen_state_is_not_a_real_issuer()
    {
        var (v, ocr) = Verify("passport-td3.png", DocumentKind.Passport, "Anna Maria", "Eriksson", new DateTimeOffset(2010, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var _ = ocr;
        Assert.Equal(CheckOutcome.Pass, Result(v, DocumentVerifier.MrzCheck).Outcome);
        Assert.Contains(Result(v, DocumentVerifier.DataCheck).Reasons, r => r.Code == "document_issuer_unknown");
        Assert.Equal(CheckOutcome.Pass, Result(v, DocumentVerifier.NameCheck).Outcome);
    }

    [Fact]
    public void A_registered_birth_date_must_agree_with_the_check_digit_protected_one()
    {
        var (same, ocr1) = Verify("100_pass-cze2.jpg", DocumentKind.Passport, "Vzor", "Specimen", While2015, new DateOnly(1969, 6, 22));
        using (ocr1) Assert.Equal(CheckOutcome.Pass, Result(same, DocumentVerifier.NameCheck).Outcome);
        var (other, ocr2) = Verify("100_pass-cze2.jpg", DocumentKind.Passport, "Vzor", "Specimen", While2015, new DateOnly(1969, 6, 23));
        using (ocr2) Assert.Contains(Result(other, DocumentVerifier.NameCheck).Reasons, r => r.Code == "document_birth_date_mismatch" && r.Category == ReasonCategory.NeedsReview);
    }
}
