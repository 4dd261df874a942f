using EKyc.Documents.Checks;
using EKyc.Documents.Intake;
using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using EKyc.Documents.Viz;
using EKyc.TestSupport;
using EKyc.Verification.Checks;
using OpenCvSharp;

namespace EKyc.Documents.Tests.Viz;

/// <summary>
/// Detection, reading and the check end to end on the ICAO specimen passport (../shared/data/documents), genuine
/// and with its printed date of birth painted over and re-printed.
/// </summary>
public sealed class VisualZoneSpecimenTests
{
    private static readonly DateTimeOffset At = new(2010, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(At.UtcDateTime);

    private static (string Models, Mat Image) Specimen()
    {
        var models = ModelFiles.Require(ModelFiles.Ocr);
        var path = Path.Combine(SharedData.Require("documents"), "passporteye", "passport-td3.png");
        var decoded = new ImageIntake(new IntakeOptions { MinSide = 100 }).Decode(File.ReadAllBytes(path));
        return (models, decoded.Image!.Clone());
    }

    private static DocumentVerification Verify(Mat image, string models)
    {
        using var recognizer = new PaddleRecognizer(models);
        using var detector = new PaddleTextDetector(models);
        var verifier = new DocumentVerifier(new MrzReader(recognizer), new DocumentVerifierOptions(), visualZone: new VisualZoneReader(detector, recognizer));
        return verifier.Verify(new DocumentCapture(image, null, DocumentKind.Passport, "Anna Maria", "Eriksson"), Today, At);
    }

    [Fact]
    public void The_detector_finds_the_printed_lines_and_the_reader_reads_them()
    {
        var (models, image) = Specimen();
        using var _ = image;
        using var detector = new PaddleTextDetector(models);
        var boxes = detector.Detect(image);
        Assert.InRange(boxes.Count, 20, 80);
        Assert.All(boxes, b => Assert.InRange(b.Score, 0.6, 1.0));
        Assert.All(boxes, b => Assert.True(b.Box.Size.Width >= b.Box.Size.Height * 0.5, "boxes lie along the text"));

        using var recognizer = new PaddleRecognizer(models);
        var mrz = new MrzReader(recognizer).Read(image, Today);
        var lines = new VisualZoneReader(detector, recognizer).ReadAbove(image, mrz.Region, mrz.Rotation);
        Assert.Contains(lines, l => l.Text == "ERIKSSON");
        Assert.All(lines, l => Assert.True(l.Bounds.Bottom <= mrz.Region.Bottom, "nothing is read from the MRZ band"));
        Assert.DoesNotContain(lines, l => l.Text.Contains("<<", StringComparison.Ordinal));
    }

    [Fact]
    public void The_genuine_specimen_agrees_and_a_reprinted_birth_date_sends_it_to_review()
    {
        var (models, image) = Specimen();
        using var _ = image;
        var genuine = Verify(image, models).Results.Single(r => r.CheckName == DocumentVerifier.VizCheck);
        Assert.Equal(CheckOutcome.Pass, genuine.Outcome);
        Assert.Equal("agrees", genuine.Facts["viz_birth_date"]);
        Assert.Equal("agrees", genuine.Facts["viz_surname"]);

        using var forged = image.Clone();
        Reprint(forged, models, "12 AUG/AOUT 79");
        var result = Verify(forged, models).Results.Single(r => r.CheckName == DocumentVerifier.VizCheck);
        Assert.Equal(CheckOutcome.Fail, result.Outcome);
        var reason = Assert.Single(result.Reasons);
        Assert.Equal(("viz_mrz_mismatch_birth_date", ReasonCategory.FraudSignal), (reason.Code, reason.Category));
        Assert.Equal("differs", result.Facts["viz_birth_date"]);
        Assert.Equal("agrees", result.Facts["viz_document_number"]);
    }

    // Paints the printed date of birth over with the paper colour and prints another date in its place.
    private static void Reprint(Mat image, string models, string text)
    {
        using var recognizer = new PaddleRecognizer(models);
        using var detector = new PaddleTextDetector(models);
        var mrz = new MrzReader(recognizer).Read(image, Today);
        var birth = mrz.Document!.BirthDate!.Value;
        var line = new VisualZoneReader(detector, recognizer).ReadAbove(image, mrz.Region, mrz.Rotation)
            .First(l => VizDateParser.Find(l.Text, Today).Any(d => d.Is(birth)));
        using var roi = new Mat(image, line.Bounds.Intersect(new Rect(0, 0, image.Width, image.Height)));
        roi.SetTo(Scalar.All(250));
        var scale = roi.Height * 0.6 / Cv2.GetTextSize(text, HersheyFonts.HersheyDuplex, 1.0, 2, out _).Height;
        Cv2.PutText(roi, text, new Point(roi.Height / 6, (int)(roi.Height * 0.8)), HersheyFonts.HersheyDuplex, scale, Scalar.All(40), 2, LineTypes.AntiAlias);
    }
}
