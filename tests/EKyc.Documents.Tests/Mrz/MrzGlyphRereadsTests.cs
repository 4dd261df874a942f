using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using EKyc.Documents.Synthetic;
using EKyc.TestSupport;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>
/// Glyphs read alone, on a realistic synthetic capture where the recogniser, reading the whole line, took a U in the
/// optional data for 0 (seed 7, TD1; U and 0 weigh the same in a check digit) and one where it read every 0 as 0
/// (seed 89, TD2).
/// </summary>
public sealed class MrzGlyphRereadsTests
{
    private static PaddleRecognizer Recognizer() => new(ModelFiles.Require("ch_PP-OCRv4_rec_infer.onnx", "ppocr_keys_v1.txt"));

    [Fact]
    public void A_glyph_read_alone_is_judged_by_its_shape()
    {
        using var ocr = Recognizer();
        using var capture = Capture(7);
        var line = capture.Document.MrzLines[0];
        var cells = MrzGlyphCells.Locate(capture.Band.Lines[0], line.Length);
        Assert.NotNull(cells);
        var letter = MrzGlyphRereads.ReadAlone(ocr, capture.Band.Lines[0], cells[line.IndexOf('U', 15)]!.Value);
        // The line's first 0. The 0 printed beside the U reads U alone (the neighbour's ink in its margin): one of the
        // 11 zeros in 427 that do, which is why only a 0 the recogniser doubted is read again.
        var digit = MrzGlyphRereads.ReadAlone(ocr, capture.Band.Lines[0], cells[line.IndexOf('0')]!.Value);
        Assert.True(letter[Symbol('U')] > letter[Symbol('0')], "the letter U read alone");
        Assert.True(digit[Symbol('0')] > digit[Symbol('U')], "the digit 0 read alone");
    }

    [Fact]
    public void A_U_read_as_0_with_U_the_runner_up_is_settled_by_the_glyph()
    {
        using var ocr = Recognizer();
        using var capture = Capture(7);
        var printed = capture.Document.MrzLines;
        var index = printed[0].IndexOf('U', 15);
        var read = MrzEvidence.Misread(printed, 0, index, '0');
        Assert.Equal(printed, MrzGlyphRereads.SettleUnder(read, capture.Band.Lines, MrzEvidence.Doubted(read, 0, index, 'U', 0.12), ocr));
        // A recogniser that barely considered U is not second-guessed.
        Assert.Same(read, MrzGlyphRereads.SettleUnder(read, capture.Band.Lines, MrzEvidence.Doubted(read, 0, index, 'U', 0.05), ocr));
    }

    [Fact]
    public void A_true_0_doubted_against_U_stays_0()
    {
        using var ocr = Recognizer();
        using var capture = Capture(89);
        var lines = capture.Document.MrzLines;
        var index = lines[1].IndexOf('0');
        Assert.Same(lines, MrzGlyphRereads.SettleUnder(lines, capture.Band.Lines, MrzEvidence.Doubted(lines, 1, index, 'U', 0.3), ocr));
    }

    private static int Symbol(char c) => IMrzStepRecognizer.Symbols.IndexOf(c);

    private static SyntheticCapture Capture(int seed)
    {
        var generator = new SyntheticDocuments(Fonts.Debian);
        var document = generator.Generate(seed, CaptureDegradation.Realistic);
        var band = MrzLocator.Locate(document.Image) ?? throw new InvalidOperationException("no MRZ band in the rendered document");
        Assert.Equal(document.MrzLines.Count, band.Lines.Count);
        return new SyntheticCapture(generator, document, band);
    }

    private sealed record SyntheticCapture(SyntheticDocuments Generator, SyntheticDocument Document, MrzBand Band) : IDisposable
    {
        public void Dispose()
        {
            Band.Dispose();
            Document.Dispose();
            Generator.Dispose();
        }
    }
}
