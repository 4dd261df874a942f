using System.Diagnostics;
using System.Globalization;
using EKyc.Documents.Intake;
using EKyc.Documents.Mrz;
using EKyc.Documents.Names;
using EKyc.Documents.Ocr;
using EKyc.Documents.Quality;
using EKyc.Documents.Viz;
using OpenCvSharp;

namespace EKyc.Documents.Eval;

/// <summary>
/// The visual-zone cross-check on the specimens whose MRZ verifies: per field how often the printed value was found
/// and agreed (genuine documents are the negative set: every "differs" there is a false signal), then the same
/// documents tampered two ways — the MRZ-side values edited (as a forged MRZ over a genuine page would read) and a
/// printed value painted over and re-printed with OpenCV text — and how often the check raises the signal.
/// </summary>
public static class VizEvaluation
{
    private static readonly VizField[] Fields = [VizField.Surname, VizField.GivenNames, VizField.BirthDate, VizField.DocumentNumber, VizField.Expiry];

    public static VizFigures Run(string dataDir, string modelsDir, DateOnly today, bool verbose)
    {
        var truth = GroundTruth.Load(dataDir);
        var intake = new ImageIntake(new IntakeOptions { MinSide = 100 });
        using var recognizer = new PaddleRecognizer(modelsDir);
        using var detector = new PaddleTextDetector(modelsDir, intraOpThreads: PaddleRecognizer.DefaultThreads);
        var mrzReader = new MrzReader(recognizer);
        var viz = new VisualZoneReader(detector, recognizer);
        var quality = new CaptureQuality(new QualityOptions());

        var genuine = new List<(string Name, MrzDocument Mrz, IReadOnlyList<VizLine> Lines, VizComparison Result, Mat Upright, Rect Band)>();
        var times = new List<double>();
        foreach (var t in truth)
        {
            using var decoded = intake.Decode(File.ReadAllBytes(t.File));
            if (decoded.Image is null) continue;
            using var report = quality.Assess(decoded.Image);
            var source = report.Document;
            var reading = mrzReader.Read(source, today);
            if (reading.Document is not { ChecksValid: true } && report.EdgesFound)
            {
                source = decoded.Image;
                reading = mrzReader.Read(source, today);
            }
            if (reading.Document is not { ChecksValid: true } doc) continue;
            var watch = Stopwatch.StartNew();
            var lines = viz.ReadAbove(source, reading.Region, reading.Rotation);
            var result = VizCrossCheck.Compare(lines, doc, today);
            times.Add(watch.Elapsed.TotalMilliseconds);
            var upright = Upright(source, reading.Rotation);
            genuine.Add((Path.GetFileName(t.File), doc, lines, result, upright, reading.Region));
            if (verbose)
            {
                Console.Error.WriteLine($"viz {Path.GetFileName(t.File)}: {string.Join(' ', Fields.Select(f => $"{f}={result[f]}"))}");
                foreach (var l in lines) Console.Error.WriteLine($"    {l.Confidence:0.00} {l.Bounds.X},{l.Bounds.Y} {l.Bounds.Width}x{l.Bounds.Height} {l.Text}");
            }
        }

        // Tampered copies: each applies only where the genuine field agreed, since an unread field cannot be caught.
        // The forged pages are read once; every confidence threshold below is scored on the same readings.
        var surnames = genuine.Select(g => g.Mrz.Surname.Replace('<', ' ').Trim()).Where(s => s.Length > 0).Distinct().ToList();
        var cases = new List<(string Kind, string File, IReadOnlyList<VizLine> Lines, MrzDocument Mrz, VizField Field)>();
        foreach (var g in genuine)
        {
            var other = surnames.FirstOrDefault(s => Different(s, g.Mrz.Surname));
            if (g.Result[VizField.BirthDate] == VizOutcome.Agrees && g.Mrz.BirthDate is { } birth)
            {
                cases.Add(("mrz_birth_date +5 y", g.Name, g.Lines, g.Mrz with { BirthDate = birth.AddYears(5) }, VizField.BirthDate));
                cases.Add(("mrz_birth_date ±9 d", g.Name, g.Lines, g.Mrz with { BirthDate = birth.AddDays(birth.Day > 14 ? -9 : 9) }, VizField.BirthDate));
                if (Reprinted(viz, g.Upright, g.Band, g.Lines, l => VizDateParser.Find(l.Text, today).Any(d => d.Is(birth)), text => ShiftYear(text, birth.Year, 5)) is { } lines)
                    cases.Add(("printed_birth_date +5 y", g.Name, lines, g.Mrz, VizField.BirthDate));
            }
            if (g.Result[VizField.Expiry] == VizOutcome.Agrees && g.Mrz.ExpiryDate is { } expiry)
            {
                cases.Add(("mrz_expiry +5 y", g.Name, g.Lines, g.Mrz with { ExpiryDate = expiry.AddYears(5) }, VizField.Expiry));
                if (Reprinted(viz, g.Upright, g.Band, g.Lines, l => VizDateParser.Find(l.Text, today).Any(d => d.Is(expiry)), text => ShiftYear(text, expiry.Year, 5)) is { } lines)
                    cases.Add(("printed_expiry +5 y", g.Name, lines, g.Mrz, VizField.Expiry));
            }
            if (g.Result[VizField.Surname] == VizOutcome.Agrees && other is not null)
            {
                cases.Add(("mrz_surname (another specimen's)", g.Name, g.Lines, g.Mrz with { Surname = other }, VizField.Surname));
                var words = IcaoTransliteration.Words(g.Mrz.Surname);
                if (Reprinted(viz, g.Upright, g.Band, g.Lines, l => IsNameLine(l, words), _ => other) is { } lines)
                    cases.Add(("printed_surname (another specimen's)", g.Name, lines, g.Mrz, VizField.Surname));
            }
            if (g.Result[VizField.DocumentNumber] == VizOutcome.Agrees && g.Mrz.DocumentNumber.Length >= 5)
                cases.Add(("mrz_document_number (3 chars changed)", g.Name, g.Lines, g.Mrz with { DocumentNumber = AlterNumber(g.Mrz.DocumentNumber) }, VizField.DocumentNumber));
        }
        foreach (var g in genuine) g.Upright.Dispose();

        times.Sort();
        var n = genuine.Count;
        var falseSignals = genuine.Count(g => g.Result.Differing.Any());
        Console.WriteLine();
        Console.WriteLine($"Visual zone against the MRZ on the {n} specimens whose MRZ verifies (PP-OCRv4 detection + recognition, ms p50 {Pct(times, 0.5):0} / p95 {Pct(times, 0.95):0})");
        Console.WriteLine();
        Console.WriteLine("| field | compared | agrees | differs on genuine (false signal) |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var f in Fields)
        {
            var compared = genuine.Count(g => g.Result[f] != VizOutcome.NotCompared);
            var agrees = genuine.Count(g => g.Result[f] == VizOutcome.Agrees);
            var differs = genuine.Count(g => g.Result[f] == VizOutcome.Differs);
            Console.WriteLine($"| {f} | {compared}/{n} | {agrees}/{n} | {differs}/{n} |");
        }
        Console.WriteLine($"| any field (documents) | {genuine.Count(g => g.Result.Compared > 0)}/{n} | | {falseSignals}/{n} |");
        foreach (var g in genuine.Where(g => g.Result.Differing.Any()))
            Console.WriteLine($"  signal on genuine {g.Name}: {string.Join(", ", g.Result.Differing)}");
        Console.WriteLine();
        Console.WriteLine("| tampering (where the genuine field agreed) | signal raised |");
        Console.WriteLine("|---|---|");
        foreach (var kind in cases.Select(c => c.Kind).Distinct().Order(StringComparer.Ordinal))
        {
            var ofKind = cases.Where(c => c.Kind == kind).ToList();
            var caught = ofKind.Where(c => Caught(VizCrossCheck.Compare(c.Lines, c.Mrz, today), c.Field)).Select(c => c.File).ToHashSet();
            Console.WriteLine($"| {kind} | {caught.Count}/{ofKind.Count} |");
            if (verbose) foreach (var c in ofKind.Where(c => !caught.Contains(c.File))) Console.Error.WriteLine($"viz missed {kind} on {c.File}");
        }
        var caughtAll = cases.Count(c => Caught(VizCrossCheck.Compare(c.Lines, c.Mrz, today), c.Field));
        Console.WriteLine($"| all | {caughtAll}/{cases.Count} |");

        // The confidence below which a read may confirm but not contradict, against both sets.
        Console.WriteLine();
        Console.WriteLine("| evidence confidence | false signals on genuine | tampering detected |");
        Console.WriteLine("|---|---|---|");
        foreach (var threshold in new[] { 0.0, 0.8, 0.85, 0.9, 0.95 })
        {
            var fs = genuine.Count(g => VizCrossCheck.Compare(g.Lines, g.Mrz, today, threshold).Differing.Any());
            var det = cases.Count(c => Caught(VizCrossCheck.Compare(c.Lines, c.Mrz, today, threshold), c.Field));
            var mark = Math.Abs(threshold - VizCrossCheck.EvidenceConfidence) < 1e-9 ? " (used)" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {threshold:0.00}{mark} | {fs}/{n} | {det}/{cases.Count} |"));
        }
        return new VizFigures(n, falseSignals, cases.Count == 0 ? 0 : caughtAll / (double)cases.Count, cases.Count, Pct(times, 0.5), Pct(times, 0.95));
    }

    private static bool Caught(VizComparison result, VizField field) => result[field] == VizOutcome.Differs;

    private static bool Different(string a, string b) =>
        !string.Equals(a, b, StringComparison.Ordinal) && !IcaoTransliteration.Words(a).Intersect(IcaoTransliteration.Words(b)).Any() && a.Length >= 4;

    private static bool IsNameLine(VizLine line, string[] surname)
    {
        var words = IcaoTransliteration.Words(line.Text.ToUpperInvariant());
        return surname.Length > 0 && surname.All(words.Contains) && words.Length <= surname.Length + 1;
    }

    // The year of the date as printed (four digits, or its last two), moved by some years.
    private static string? ShiftYear(string text, int year, int years)
    {
        var four = year.ToString(CultureInfo.InvariantCulture);
        if (text.Contains(four, StringComparison.Ordinal)) return text.Replace(four, (year + years).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var two = (year % 100).ToString("00", CultureInfo.InvariantCulture);
        var at = text.LastIndexOf(two, StringComparison.Ordinal);
        return at < 0 ? null : text[..at] + ((year + years) % 100).ToString("00", CultureInfo.InvariantCulture) + text[(at + 2)..];
    }

    // Three characters of the number changed: another document's number of the same shape.
    private static string AlterNumber(string number)
    {
        var chars = number.ToCharArray();
        for (var i = chars.Length - 3; i < chars.Length; i++)
            chars[i] = char.IsAsciiDigit(chars[i]) ? (char)('0' + (chars[i] - '0' + 3) % 10) : (char)('A' + (chars[i] - 'A' + 3) % 26);
        return new string(chars);
    }

    /// <summary>
    /// Paints over the first line <paramref name="target"/> accepts with its own background and prints the
    /// replacement text in its ink colour, at its height; then reads the visual zone again.
    /// </summary>
    private static IReadOnlyList<VizLine>? Reprinted(VisualZoneReader viz, Mat upright, Rect band, IReadOnlyList<VizLine> lines, Func<VizLine, bool> target, Func<string, string?> replace)
    {
        var targets = lines.Where(target).ToList();
        if (targets.Count == 0) return null;
        using var forged = upright.Clone();
        var ascii = "";
        // Every copy of the value is forged (some pages repeat it beside the ghost portrait).
        foreach (var line in targets)
        {
            if (replace(line.Text) is not { } text) return null;
            var rect = line.Bounds.Intersect(new Rect(0, 0, forged.Width, forged.Height));
            if (rect.Width < 4 || rect.Height < 4) return null;
            using var roi = new Mat(forged, rect);
            using var gray = new Mat();
            Cv2.CvtColor(roi, gray, ColorConversionCodes.BGR2GRAY);
            using var ink = new Mat();
            Cv2.Threshold(gray, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
            using var paper = new Mat();
            Cv2.BitwiseNot(ink, paper);
            var inkColour = Cv2.Mean(roi, ink);
            var paperColour = Cv2.Mean(roi, paper);
            roi.SetTo(paperColour);
            ascii = new string(text.Select(c => c < 128 ? c : Fold(c)).ToArray());
            var font = HersheyFonts.HersheyDuplex;
            var size = Cv2.GetTextSize(ascii, font, 1.0, 2, out _);
            var scale = Math.Min(rect.Height * 0.62 / size.Height, rect.Width * 0.95 / size.Width);
            var thickness = Math.Max(1, (int)Math.Round(scale * 1.6));
            var baseline = (int)(rect.Height / 2 + size.Height * scale / 2);
            Cv2.PutText(roi, ascii, new Point((int)(rect.Height * 0.15), baseline), font, scale, inkColour, thickness, LineTypes.AntiAlias);
        }
        var reread = viz.ReadAbove(forged, band, null);
        if (Environment.GetEnvironmentVariable("EKYC_VIZ_DEBUG") is { Length: > 0 })
            foreach (var l in reread.Where(r => !lines.Any(o => o.Text == r.Text)))
                Console.Error.WriteLine($"    reprinted '{ascii}' -> {l.Confidence:0.00} {l.Bounds.X},{l.Bounds.Y} {l.Bounds.Width}x{l.Bounds.Height} {l.Text}");
        return reread;
    }

    private static char Fold(char c) => "ÀÁÂÃÄÅÈÉÊËÌÍÎÏÒÓÔÕÖÙÚÛÜàáâãäåèéêëìíîïòóôõöùúûü".IndexOf(c, StringComparison.Ordinal) is var i and >= 0
        ? "AAAAAAEEEEIIIIOOOOOUUUUaaaaaaeeeeiiiiooooouuuu"[i]
        : ' ';

    private static Mat Upright(Mat source, RotateFlags? rotation)
    {
        var result = new Mat();
        if (rotation is { } flag) Cv2.Rotate(source, result, flag);
        else source.CopyTo(result);
        return result;
    }

    private static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}

/// <summary>The evaluation's key figures, and the fragment it contributes to the RESULT line.</summary>
public sealed record VizFigures(int Documents, int FalseSignals, double DetectionRate, int Tampered, double MsP50, double MsP95)
{
    public string Summary => string.Create(CultureInfo.InvariantCulture,
        $"viz_documents={Documents} viz_false_signals={FalseSignals} viz_tamper_detect={DetectionRate:0.00} viz_tampered={Tampered} viz_ms_p50={MsP50:0}");
}
