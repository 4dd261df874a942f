using System.Diagnostics;
using System.Globalization;
using EKyc.Documents.Eval;
using EKyc.Documents.Intake;
using EKyc.Documents.Mrz;
using EKyc.Documents.Ocr;
using OpenCvSharp;

var data = Arg("--data") ?? Path.Combine(RepoRoot(), "..", "shared", "data");
var models = Arg("--models") ?? Environment.GetEnvironmentVariable("EKYC_MODELS_DIR") ?? Path.Combine(RepoRoot(), ".data", "models");
if (!Directory.Exists(Path.Combine(data, "documents")))
{
    Console.Error.WriteLine($"eval documents: no documents/ under {data} (pass --data DIR laid out like ../shared/data)");
    return 2;
}

var truth = GroundTruth.Load(data);
var today = DateOnly.FromDateTime(DateTime.UtcNow);
var intake = new ImageIntake(new IntakeOptions { MinSide = 100 });
var engines = new List<ILineRecognizer>();
if (!args.Contains("--quality-only")) engines.AddRange([new TesseractRecognizer(), new PaddleRecognizer(models)]);
var summary = new List<string>();
var resultLine = new List<string>();

Console.WriteLine($"MRZ reading on {truth.Count} document images ({truth.Count(t => t.MrzLines is not null)} with transcribed MRZ)");
Console.WriteLine();
Console.WriteLine("| engine | located | parsed | all check digits | exact MRZ | char accuracy | ms p50 | ms p95 |");
Console.WriteLine("|---|---|---|---|---|---|---|---|");
foreach (var engine in engines)
{
    var reader = new MrzReader(engine);
    int located = 0, parsed = 0, valid = 0, exact = 0, labelled = 0;
    long chars = 0, correct = 0;
    var times = new List<double>();
    foreach (var t in truth)
    {
        using var decoded = intake.Decode(File.ReadAllBytes(t.File));
        if (decoded.Image is null) { Console.Error.WriteLine($"{Path.GetFileName(t.File)}: {decoded.Error}"); continue; }
        var reading = reader.Read(decoded.Image, today);
        if (Arg("--dump") is { } dump && engine is TesseractRecognizer)
        {
            Directory.CreateDirectory(dump);
            using var band = MrzLocator.Locate(decoded.Image);
            using var small = new Mat();
            Cv2.Resize(decoded.Image, small, new Size(400, (int)(400.0 * decoded.Image.Height / decoded.Image.Width)));
            Cv2.ImWrite(Path.Combine(dump, Path.GetFileNameWithoutExtension(t.File) + "_doc.png"), small);
            if (band is not null) Cv2.ImWrite(Path.Combine(dump, Path.GetFileNameWithoutExtension(t.File) + "_band.png"), band.Crop);
        }
        times.Add(reading.ElapsedMs);
        if (reading.Located) located++;
        if (reading.Document is not null) parsed++;
        if (reading.Document is { ChecksValid: true }) valid++;
        if (t.MrzLines is { } expected)
        {
            labelled++;
            var got = reading.Document?.Lines ?? (IReadOnlyList<string>)reading.RawLines;
            var (c, n) = CharMatches(expected, got);
            correct += c;
            chars += n;
            if (c == n) exact++;
            if (Verbose()) Console.Error.WriteLine($"{engine.Name} {Path.GetFileName(t.File)}: {c}/{n} {string.Join('|', got)}");
        }
    }
    times.Sort();
    var accuracy = chars == 0 ? 0 : correct / (double)chars;
    Console.WriteLine($"| {engine.Name} | {located}/{truth.Count} | {parsed}/{truth.Count} | {valid}/{truth.Count} | {exact}/{labelled} | {accuracy:P1} | {Pct(times, 0.5):0} | {Pct(times, 0.95):0} |");
    var key = engine is TesseractRecognizer ? "tesseract" : "ppocr";
    resultLine.Add(string.Create(CultureInfo.InvariantCulture, $"{key}_valid={valid} {key}_exact={exact} {key}_char_acc={accuracy:0.000} {key}_ms_p50={Pct(times, 0.5):0}"));
}
foreach (var e in engines) e.Dispose();

// Quality calibration on the images that are sharp enough for the MRZ to be read at all (the specimen set).
var images = truth.Select(t => intake.Decode(File.ReadAllBytes(t.File))).Where(r => r.Image is not null).ToList();
var rates = QualityCalibration.Run(images.Select(r => r.Image!), new EKyc.Documents.Quality.QualityOptions());
foreach (var r in images) r.Dispose();
resultLine.Add(string.Create(CultureInfo.InvariantCulture, $"quality_clean_pass={rates["original"]:0.00} quality_blur_detect={rates["blur"]:0.00} quality_glare_detect={rates["glare"]:0.00} quality_far_detect={rates["far"]:0.00} quality_corner_detect={rates["corner_cut"]:0.00}"));
Console.WriteLine();
Console.WriteLine("RESULT images=" + truth.Count + " " + string.Join(' ', resultLine));
return 0;

static (long Correct, long Total) CharMatches(IReadOnlyList<string> expected, IReadOnlyList<string> got)
{
    long correct = 0, total = 0;
    for (var i = 0; i < expected.Count; i++)
    {
        var e = expected[i];
        var g = i < got.Count ? got[i] : "";
        total += e.Length;
        for (var k = 0; k < e.Length && k < g.Length; k++) if (e[k] == g[k]) correct++;
    }
    return (correct, total);
}

static double Pct(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

string? Arg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

bool Verbose() => args.Contains("--verbose");

static string RepoRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "EKyc.Orleans.sln"))) dir = Path.GetDirectoryName(dir);
    return dir ?? Directory.GetCurrentDirectory();
}
