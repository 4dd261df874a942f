using EKyc.Documents.Ocr;
using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Settles M against N in the name fields, which have no check digit to catch the swap. The recogniser reads OCR-B's
/// M as N when it hesitates (98_pass-nld in ../shared/data: N at 0.63, M the runner-up at 0.29), but the glyphs differ
/// in a way a blurred capture keeps: M is its own mirror image, N is not. Only a letter the recogniser itself doubted (the other
/// letter its runner-up at <see cref="MinRunnerUp"/> or more) is changed, and only on a clear symmetry score.
/// </summary>
public static class MrzMirrorLetters
{
    /// <summary>The runner-up probability at which the recogniser's choice between M and N is open to the glyph's shape.</summary>
    public const double MinRunnerUp = 0.2;

    // Mirror correlation of the glyph's ink box, measured on 200 synthetic documents: M has a median 0.81, N 0.40;
    // the thresholds leave the middle undecided rather than guess.
    private const double Symmetric = 0.7;
    private const double Asymmetric = 0.3;

    /// <summary>The lines with M/N settled where the shape decides, or the same list when nothing changes.</summary>
    /// <param name="lines">The chosen MRZ lines as read (before parsing).</param>
    /// <param name="images">The grey line crops the lines were read from, in the same order.</param>
    /// <param name="characters">Per line, the recogniser's view of each character, aligned with the line.</param>
    public static IReadOnlyList<string> Settle(IReadOnlyList<string> lines, IReadOnlyList<Mat> images, IReadOnlyList<IReadOnlyList<RecognizedChar>?> characters)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(characters);
        if (images.Count != lines.Count || characters.Count != lines.Count || MrzParser.ExactLayout(lines) is not { } layout) return lines;
        var result = lines.ToArray();
        foreach (var field in layout.Fields.Where(f => f.IsName))
        {
            var line = lines[field.Line];
            var chars = characters[field.Line];
            if (chars is null || chars.Count != line.Length) continue;
            var doubted = Enumerable.Range(field.Start, field.Length).Where(i => Doubted(chars[i])).ToList();
            if (doubted.Count == 0) continue;
            if (MrzGlyphCells.Locate(images[field.Line], line.Length) is not { } cells) continue;
            var text = line.ToCharArray();
            foreach (var i in doubted)
            {
                if (cells[i] is not { } box) continue;
                var symmetry = MirrorSymmetry(images[field.Line], box);
                text[i] = text[i] switch
                {
                    'N' when symmetry >= Symmetric => 'M',
                    'M' when symmetry <= Asymmetric => 'N',
                    var same => same,
                };
            }
            result[field.Line] = new string(text);
        }
        return result.SequenceEqual(lines) ? lines : result;
    }

    private static bool Doubted(RecognizedChar c) =>
        (c.Value, c.Alternative) is ('N', 'M') or ('M', 'N') && c.AlternativeProbability >= MinRunnerUp;

    /// <summary>Normalised correlation of the glyph's ink box with its own mirror image (1 = symmetric about the vertical axis).</summary>
    public static double MirrorSymmetry(Mat gray, Rect box)
    {
        ArgumentNullException.ThrowIfNull(gray);
        box = box.Intersect(new Rect(0, 0, gray.Width, gray.Height));
        if (box.Width < 3 || box.Height < 3) return double.NaN;
        using var crop = new Mat(gray, box);
        using var values = new Mat();
        crop.ConvertTo(values, MatType.CV_32F);
        using var mirrored = new Mat();
        Cv2.Flip(values, mirrored, FlipMode.Y);
        using var score = new Mat();
        Cv2.MatchTemplate(values, mirrored, score, TemplateMatchModes.CCoeffNormed);
        return score.At<float>(0, 0);
    }
}
