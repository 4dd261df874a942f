using EKyc.Documents.Ocr;
using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Several readings of each MRZ line and the choice between them. Each line is decoded greedily and at the fixed line length
/// (<see cref="MrzFixedLengthDecoder"/>); the chosen combination is the one with the most verified check digits, then the
/// most agreement between a line's readings (a name line has no check digit: two decodings that agree are the best
/// evidence there is), then the highest confidence.
/// </summary>
public static class MrzLineCandidates
{
    /// <summary>
    /// Horizontal stretches of the further opinions, in order: stretched, the recogniser drops fewer of OCR-B's widely
    /// spaced glyphs (measured on the specimen set: 37 → 43 of 71 lines exact at 1.3).
    /// </summary>
    public static IReadOnlyList<double> Stretches { get; } = [1.3, 1.6];

    // Clean lines read at 0.93–0.99 on the specimen set; lines with misread characters at 0.69–0.87.
    private const double MinConfidence = 0.8;

    /// <param name="recognizer">The engine.</param>
    /// <param name="lines">The line crops to read.</param>
    /// <param name="stretch">Horizontal stretch applied before reading.</param>
    /// <param name="widths">The line widths to decode at; by default inferred from the greedy readings and the line count.</param>
    public static List<LineReading[]> Read(IMrzStepRecognizer recognizer, IReadOnlyList<Mat> lines, double stretch, IReadOnlyList<int>? widths = null)
    {
        ArgumentNullException.ThrowIfNull(recognizer);
        ArgumentNullException.ThrowIfNull(lines);
        var greedy = new List<(Mat Input, float[,] Steps, RecognizedLine Text)>(lines.Count);
        try
        {
            foreach (var line in lines)
            {
                var input = Stretched(line, stretch);
                var steps = recognizer.MrzSteps(input);
                greedy.Add((input, steps, IMrzStepRecognizer.Greedy(steps)));
            }
            // Every line of an MRZ has the same width: the standard width nearest the longest greedy reading, and 30
            // too when the band has the three lines of a card.
            widths ??= LineWidths(greedy.Count == 0 ? 0 : greedy.Max(g => g.Text.Text.Length), lines.Count).ToList();
            var result = new List<LineReading[]>(lines.Count);
            foreach (var (input, steps, text) in greedy)
            {
                var readings = new List<LineReading> { new(text.Text, text.Confidence, FixedLength: false) { Characters = text.Characters } };
                foreach (var width in widths)
                {
                    if (MrzFixedLengthDecoder.Decode(steps, width) is { } fixedLength) readings.Add(new(fixedLength.Text, fixedLength.Confidence, FixedLength: true) { Characters = fixedLength.Characters });
                }
                result.Add([.. readings]);
            }
            return result;
        }
        finally
        {
            foreach (var g in greedy) g.Input.Dispose();
        }
    }

    /// <summary>Whether a line's greedy reading matches one of its fixed-length readings and was read confidently.</summary>
    public static bool Settled(LineReading[] readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return readings.Length > 1 && readings[0].Confidence >= MinConfidence && readings.Skip(1).Any(r => Equivalent(r.Text, readings[0].Text));
    }

    /// <summary>Whether every line's greedy reading matches one of its fixed-length readings.</summary>
    public static bool Agree(IReadOnlyList<LineReading[]> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.All(c => c.Length > 1 && c.Skip(1).Any(r => Equivalent(r.Text, c[0].Text)));
    }

    /// <summary>
    /// Whether every check digit verifies and nothing is impossible: no invalid character, sex or date, and codes
    /// that exist. ICAO's specimen state UTO counts as a code here: reading a specimen is not judging it.
    /// </summary>
    public static bool Plausible(MrzDocument? doc) =>
        doc is { ChecksValid: true, HasErrors: false } && KnownCode(doc.IssuingState) && (doc.Nationality is null || KnownCode(doc.Nationality));

    /// <summary>Whether a state code exists (ICAO's specimen state UTO included).</summary>
    public static bool KnownCode(string code) => IcaoCodes.IsKnown(code) || code == "UTO";

    /// <summary>Whether every line's first reading was confident (mean character probability at least 0.8).</summary>
    public static bool Confident(IReadOnlyList<LineReading[]> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        return candidates.All(c => c.Length > 0 && c[0].Confidence >= MinConfidence);
    }

    public static MrzChoice Choose(IReadOnlyList<LineReading[]> candidates, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        MrzChoice? best = null;
        (int Verified, int KnownCodes, int Repairs, int WholeLines, int Agreement, int FixedLength, double Confidence) bestScore = (-2, 0, 0, 0, 0, 0, 0);
        // The band can include a printed line above or below the MRZ (visas, some cards, screenshots): every run of
        // two or three consecutive lines is tried as well.
        foreach (var (skip, take) in Runs(candidates.Count))
        {
            var lines = candidates.Skip(skip).Take(take).ToList();
            foreach (var combination in Combinations(lines))
            {
                var texts = combination.Select(r => r.Text).ToList();
                var result = MrzParser.Parse(texts, today, combination.Select(r => r.Characters).ToList());
                var verified = result.Document is null ? -1 : result.Document.CheckDigits.Count(c => c.Value);
                var agreement = combination.Select((r, i) => lines[i].Count(o => Equivalent(o.Text, r.Text))).Sum();
                // A reading of the wrong length was padded or cut to fit: something was dropped or doubled.
                var width = combination.Max(r => r.Text.Length);
                var wholeLines = combination.Count(r => r.Text.Length == width);
                // On a tie, the fixed-length readings: a greedy reading can drop a glyph and still end at the
                // right width by doubling a filler.
                // A reading that verifies as read beats one that verifies only after check-digit repair.
                var repairs = result.Document?.Issues.Count(i => i.Code == MrzIssueCodes.Repaired && i.Detail?.StartsWith(MrzRepair.CheckDigitDetail, StringComparison.Ordinal) == true) ?? 0;
                // Nationality and issuing state have no check digit, but they must be codes that exist.
                var knownCodes = result.Document is { } d ? (KnownCode(d.IssuingState) ? 1 : 0) + (d.Nationality is { } n && KnownCode(n) ? 1 : 0) : 0;
                var score = (verified, knownCodes, -repairs, wholeLines, agreement, combination.Count(r => r.FixedLength), combination.Sum(r => r.Confidence));
                if (best is null || score.CompareTo(bestScore) > 0)
                {
                    bestScore = score;
                    best = new MrzChoice(texts, result) { FirstLine = skip, Readings = combination };
                }
            }
        }
        return best ?? new MrzChoice([], MrzParser.Parse([], today));
    }

    private static IEnumerable<(int Skip, int Take)> Runs(int count)
    {
        yield return (0, count);
        for (var take = 2; take <= 3 && take < count; take++)
        {
            for (var skip = 0; skip + take <= count; skip++) yield return (skip, take);
        }
    }

    // Every choice of one reading per line; a band has at most four lines of a handful of readings each.
    private static IEnumerable<LineReading[]> Combinations(List<LineReading[]> lines)
    {
        var index = new int[lines.Count];
        while (true)
        {
            yield return lines.Select((l, i) => l[index[i]]).ToArray();
            var k = lines.Count - 1;
            while (k >= 0 && ++index[k] == lines[k].Length) index[k--] = 0;
            if (k < 0) yield break;
        }
    }

    // Two readings agree when they differ only by the classic OCR-B confusions the parser repairs by field type.
    private static bool Equivalent(string a, string b) =>
        a.Length == b.Length && a.Zip(b).All(p => p.First == p.Second || Canonical(p.First) == Canonical(p.Second));

    private static char Canonical(char c) => OcrConfusions.ToDigit(c) ?? c;

    private static IEnumerable<int> LineWidths(int greedyLength, int lineCount)
    {
        int[] widths = [30, 36, 44];
        var nearest = widths.MinBy(w => Math.Abs(w - greedyLength));
        yield return nearest;
        if (lineCount >= 3 && nearest != 30) yield return 30;
    }

    private static Mat Stretched(Mat line, double stretch)
    {
        if (stretch == 1.0) return line.Clone();
        var result = new Mat();
        Cv2.Resize(line, result, new Size((int)Math.Round(line.Width * stretch), line.Height), 0, 0, InterpolationFlags.Cubic);
        return result;
    }
}

/// <summary>The chosen reading of a band: its lines, their parse, the band line it starts at, and the reading of each line.</summary>
public sealed record MrzChoice(IReadOnlyList<string> Lines, MrzReadResult Result)
{
    public int FirstLine { get; init; }

    public IReadOnlyList<LineReading> Readings { get; init; } = [];
}

/// <summary>One reading of one MRZ line: its text, the engine's confidence, and whether it was decoded at the line's fixed length.</summary>
public sealed record LineReading(string Text, double Confidence, bool FixedLength)
{
    /// <summary>The recogniser's view of each character, when the engine gives one.</summary>
    public IReadOnlyList<RecognizedChar>? Characters { get; init; }
}
