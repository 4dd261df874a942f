using System.Diagnostics;
using EKyc.Documents.Ocr;
using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Image → MRZ: locates the band (trying the document upright, upside down and on either side), reads each line
/// with the configured OCR engine, and parses with check-digit repair. The first orientation whose reading verifies
/// every check digit wins; otherwise the reading with the most verified digits is returned, so the caller can say
/// which field failed. With an engine that exposes its per-step probabilities, each line has several readings
/// (<see cref="MrzLineCandidates"/>) and the combination the check digits and the readings' agreement favour wins;
/// what check digits cannot settle is then decided by the glyphs (<see cref="MrzMirrorLetters"/>, <see cref="MrzGlyphRereads"/>).
/// </summary>
public sealed class MrzReader(ILineRecognizer recognizer)
{
    private static readonly RotateFlags?[] Orientations = [null, RotateFlags.Rotate180, RotateFlags.Rotate90Clockwise, RotateFlags.Rotate90Counterclockwise];

    // An MRZ has two or three lines; a band may also hold a line or a short block of print merged into it (a card's
    // notice above its MRZ), whose lines are read too and left out by the choice of consecutive lines.
    private const int MaxBandLines = 8;

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
            if (band is null || band.Lines.Count is < 1 or > MaxBandLines) continue;
            var reading = ReadBand(band, orientation, today);
            if (reading.Document is { ChecksValid: true }) return reading with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
            if (best is null || Verified(reading) > Verified(best)) best = reading;
            // A reading that verifies two check digits and names an issuing state that exists was upright: turning the
            // image cannot make it more so. The digits alone are not enough: an upside-down band read as rows of A
            // and 7 verifies two of a card's four checks about one time in twenty (4 of 600 synthetic captures).
            if (Verified(reading) >= 2 && reading.Document is { } doc && MrzLineCandidates.KnownCode(doc.IssuingState)) break;
        }
        return (best ?? new MrzReading(false, [], null, new MrzIssue("mrz_not_found", MrzSeverity.Error), default, null, 0, 0))
            with { ElapsedMs = watch.Elapsed.TotalMilliseconds };
    }

    private MrzReading ReadBand(MrzBand band, RotateFlags? orientation, DateOnly today)
    {
        if (recognizer is not IMrzStepRecognizer steps)
        {
            var texts = band.Lines.Select(l => recognizer.Recognize(l)).ToList();
            var (raw, parsed) = MrzLineCandidates.Choose(texts.Select(t => new[] { new LineReading(t.Text, t.Confidence, FixedLength: false) }).ToList(), today);
            return new MrzReading(true, raw, parsed.Document, parsed.Failure, band.Region, orientation, texts.Average(t => t.Confidence), 0);
        }
        // A quick pass first (greedy and fixed-length on the crop as cut); further opinions on stretched copies only while
        // a check digit still fails, the decodings of some line disagree, or some line was read with little confidence
        // (a name line has no check digit to fail).
        var candidates = MrzLineCandidates.Read(steps, band.Lines, stretch: 1.0);
        var choice = MrzLineCandidates.Choose(candidates, today);
        for (var pass = 0; pass < MrzLineCandidates.Stretches.Count; pass++)
        {
            var stretch = MrzLineCandidates.Stretches[pass];
            var valid = MrzLineCandidates.Plausible(choice.Result.Document);
            if (valid && MrzLineCandidates.Agree(candidates) && MrzLineCandidates.Confident(candidates)) break;
            // Doubt alone earns one more opinion; only failing check digits, or a digit read in a name (which has no
            // check digit to fail), earn the last.
            if (valid && pass > 0 && !DigitInName(choice.Result.Document)) break;
            // With every check digit verified, only the doubtful lines are read again.
            var again = Enumerable.Range(0, candidates.Count).Where(i => !valid || !MrzLineCandidates.Settled(candidates[i])).ToList();
            var widths = candidates.SelectMany(c => c).Where(r => r.FixedLength).Select(r => r.Text.Length).Distinct().ToList();
            var stretched = MrzLineCandidates.Read(steps, again.Select(i => band.Lines[i]).ToList(), stretch, widths);
            for (var k = 0; k < again.Count; k++) candidates[again[k]] = [.. candidates[again[k]], .. stretched[k]];
            choice = MrzLineCandidates.Choose(candidates, today);
        }
        // What the check digits cannot see, the glyphs decide: M against N in names (no check digit), U against 0 (the
        // same weight in a check digit).
        var (lines, result) = choice;
        var evidence = choice.Readings.Select(r => r.Characters).ToList();
        var images = band.Lines.Skip(choice.FirstLine).Take(lines.Count).ToList();
        var settled = MrzGlyphRereads.SettleUnder(MrzMirrorLetters.Settle(lines, images, evidence), images, evidence, steps);
        if (!ReferenceEquals(settled, lines)) (lines, result) = (settled, MrzParser.Parse(settled, today, evidence));
        var confidence = candidates.Average(c => c.Max(r => r.Confidence));
        return new MrzReading(true, lines, result.Document, result.Failure, band.Region, orientation, confidence, 0);
    }

    private static bool DigitInName(MrzDocument? doc) =>
        doc is not null && doc.Issues.Any(i => i.Code == MrzIssueCodes.Repaired && i.Detail == MrzRepair.FieldTypeDetail && MrzField.IsNameField(i.Field));

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
