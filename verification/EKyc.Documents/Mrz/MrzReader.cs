using System.Diagnostics;
using EKyc.Documents.Ocr;
using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Image → MRZ: locates the band (trying the document upright, upside down and on either side), reads each line
/// with the configured OCR engine, and parses with check-digit repair. The first orientation whose reading verifies
/// every check digit wins; otherwise the reading with the most verified digits is returned, so the caller can say
/// which field failed.
/// </summary>
public sealed class MrzReader(ILineRecognizer recognizer)
{
    private static readonly RotateFlags?[] Orientations = [null, RotateFlags.Rotate180, RotateFlags.Rotate90Clockwise, RotateFlags.Rotate90Counterclockwise];

    public string Engine => recognizer.Name;

    public MrzReading Read(Mat bgr, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var watch = Stopwatch.StartNew();
        MrzReading? best = null;
        foreach (var orientation in Orientations)
        {
            using var turned = orientation is { } flag ? Rotated(bgr, flag) : null;
            using var band = MrzLocator.Locate(turned ?? bgr);
            if (band is null || band.Lines.Count is < 1 or > 4) continue;
            var texts = band.Lines.Select(l => recognizer.Recognize(l)).ToList();
            var (raw, parsed) = BestLines(texts.Select(t => t.Text).ToList(), today);
            var reading = new MrzReading(true, raw, parsed.Document, parsed.Failure, band.Region, orientation, texts.Average(t => t.Confidence), 0);
            if (parsed.Document is { ChecksValid: true }) return reading with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
            if (best is null || Verified(reading) > Verified(best)) best = reading;
        }
        return (best ?? new MrzReading(false, [], null, new MrzIssue("mrz_not_found", MrzSeverity.Error), default, null, 0, 0))
            with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
    }

    // The band can include a printed line above the MRZ (visas, some cards): try the last two and last three lines
    // too, and keep the reading with the most verified check digits.
    private static (IReadOnlyList<string> Lines, MrzReadResult Result) BestLines(List<string> lines, DateOnly today)
    {
        var candidates = new List<List<string>> { lines };
        if (lines.Count > 2) candidates.Add(lines[^2..]);
        if (lines.Count > 3) candidates.Add(lines[^3..]);
        (IReadOnlyList<string>, MrzReadResult)? best = null;
        var bestScore = -2;
        foreach (var candidate in candidates)
        {
            var result = MrzParser.Parse(candidate, today);
            var score = result.Document is null ? -1 : result.Document.CheckDigits.Count(c => c.Value);
            if (score > bestScore) { bestScore = score; best = (candidate, result); }
        }
        return best!.Value;
    }

    private static int Verified(MrzReading r) => r.Document is null ? -1 : r.Document.CheckDigits.Count(c => c.Value);

    private static Mat Rotated(Mat source, RotateFlags flag)
    {
        var result = new Mat();
        Cv2.Rotate(source, result, flag);
        return result;
    }
}

/// <summary>What the reader found: whether a band was located, the raw OCR lines, the parse, and timings.</summary>
public sealed record MrzReading(
    bool Located,
    IReadOnlyList<string> RawLines,
    MrzDocument? Document,
    MrzIssue? Failure,
    Rect Region,
    RotateFlags? Rotation,
    double Confidence,
    double ElapsedMs);
