using System.Security.Cryptography;
using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using EKyc.Documents.Synthetic;
using EKyc.TestSupport;
using OpenCvSharp;

namespace EKyc.Documents.Tests.Synthetic;

/// <summary>
/// Rendered synthetic documents read through the real reader (PP-OCRv4). A handful only, to keep the suite fast:
/// <c>./ekyc eval documents</c> reads 200.
/// </summary>
public sealed class SyntheticReadingTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PaddleRecognizer Recognizer() => new(ModelFiles.Require("ch_PP-OCRv4_rec_infer.onnx", "ppocr_keys_v1.txt"));

    [Theory]
    [InlineData(MrzFormat.Td1)]
    [InlineData(MrzFormat.Td2)]
    [InlineData(MrzFormat.Td3)]
    public void A_flat_print_reads_exactly(MrzFormat format)
    {
        using var ocr = Recognizer();
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var document = generator.Generate(7, CaptureDegradation.None, format);
        var reading = new MrzReader(ocr).Read(document.Image, Today);
        Assert.Equal(document.MrzLines, reading.Document?.Lines ?? (IReadOnlyList<string>)reading.RawLines);
        Assert.True(reading.Document!.ChecksValid);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(23)]
    public void A_realistic_capture_reads_exactly(int seed) => ReadsExactly(seed);

    // Captures the check digits alone cannot settle: 81 (a name's C read 0 until a wider stretch is read, which a digit
    // in a name now earns), 196 (a document number's K read as filler), 7 (a U read 0).
    [Theory]
    [InlineData(81)]
    [InlineData(196)]
    [InlineData(7)]
    public void A_misreading_the_check_digits_cannot_catch_is_settled_by_the_glyphs(int seed) => ReadsExactly(seed);

    // An O that leads a document number read as 0, where another 0 of the same check-digit weight would verify as
    // well: the letters' grouping settles the tie (seed 103's stretched reading then verifies and wins over one that
    // lost two glyphs).
    [Theory]
    [InlineData(89)]
    [InlineData(103)]
    public void A_tie_between_check_digit_repairs_is_settled_by_the_numbers_letter_grouping(int seed) => ReadsExactly(seed);

    // Upside-down captures whose first, upright reading (rows of A and 7) verified two check digits by chance: the
    // reader used to take that as proof the image was upright and stop turning it.
    [Theory]
    [InlineData(457)]
    [InlineData(772)]
    public void An_upside_down_capture_whose_garbage_verifies_by_chance_is_still_turned(int seed) => ReadsExactly(seed);

    [Fact]
    public void The_same_seed_gives_the_same_document()
    {
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var first = generator.Generate(5, CaptureDegradation.Realistic);
        using var second = generator.Generate(5, CaptureDegradation.Realistic);
        using var other = generator.Generate(6, CaptureDegradation.Realistic);
        Assert.Equal(first.MrzLines, second.MrzLines);
        Assert.Equal(Hash(first.Image), Hash(second.Image));
        Assert.NotEqual(Hash(first.Image), Hash(other.Image));
    }

    [Fact]
    public void A_card_photographed_sideways_is_turned_and_read()
    {
        using var ocr = Recognizer();
        using var generator = new SyntheticDocuments(Fonts.Debian);
        var sideways = CaptureDegradation.Realistic with { QuarterTurnShare = 1, MaxBlurSigma = 0.5 };
        using var document = generator.Generate(4, sideways, MrzFormat.Td1);
        var reading = new MrzReader(ocr).Read(document.Image, Today);
        Assert.NotNull(reading.Rotation);
        Assert.Equal(document.MrzLines, reading.Document?.Lines ?? (IReadOnlyList<string>)reading.RawLines);
    }

    private static void ReadsExactly(int seed)
    {
        using var ocr = Recognizer();
        using var generator = new SyntheticDocuments(Fonts.Debian);
        using var document = generator.Generate(seed, CaptureDegradation.Realistic);
        var reading = new MrzReader(ocr).Read(document.Image, Today);
        Assert.Equal(document.MrzLines, reading.Document?.Lines ?? (IReadOnlyList<string>)reading.RawLines);
    }

    private static string Hash(Mat image)
    {
        Cv2.ImEncode(".png", image, out var png);
        return Convert.ToHexString(SHA256.HashData(png));
    }
}
