using System.Globalization;
using EKyc.Documents.Mrz;

namespace EKyc.Documents.Eval;

/// <summary>
/// Tallies MRZ readings of one image set against their ground truth. "Valid" is the reader's verdict the service
/// acts on (every check digit verifies). A false valid, as the documents issue defines it, is a valid reading of an
/// image whose printed MRZ itself fails ICAO's check digits; a valid misread is a valid reading whose lines differ
/// from a ground truth that passes (a misread the check digits cannot see: names, or swaps that cancel).
/// </summary>
internal sealed class MrzScore(string name)
{
    public static readonly string[] Fields =
    [
        MrzLayout.DocumentCode, MrzLayout.IssuingState, MrzLayout.DocumentNumber, MrzLayout.BirthDate, MrzLayout.ExpiryDate,
        MrzLayout.Sex, MrzLayout.Nationality, "surname", "given_names",
    ];

    private readonly List<double> _times = [];
    private readonly Dictionary<string, int> _fieldRight = Fields.ToDictionary(f => f, _ => 0);
    private long _chars;
    private long _charsRight;

    public string Name => name;
    public int Images { get; private set; }
    public int Located { get; private set; }
    public int Parsed { get; private set; }
    public int Valid { get; private set; }
    public int Labelled { get; private set; }
    public int Exact { get; private set; }

    /// <summary>Images whose ground truth passes every check digit, and how many of those were read exactly.</summary>
    public int LabelledPassing { get; private set; }
    public int ExactPassing { get; private set; }
    public int FalseValid { get; private set; }
    public List<string> FalseValidImages { get; } = [];
    public int ValidMisread { get; private set; }
    public List<string> ValidMisreadImages { get; } = [];

    public void Add(string image, MrzReading reading, IReadOnlyList<string>? truth, bool truthPasses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reading);
        Images++;
        _times.Add(reading.ElapsedMs);
        if (reading.Located) Located++;
        if (reading.Document is not null) Parsed++;
        var valid = reading.Document is { ChecksValid: true };
        if (valid) Valid++;
        if (truth is null) return;

        Labelled++;
        var got = reading.Document?.Lines ?? (IReadOnlyList<string>)reading.RawLines;
        var exact = got.Count == truth.Count && got.SequenceEqual(truth);
        if (exact) Exact++;
        if (truthPasses)
        {
            LabelledPassing++;
            if (exact) ExactPassing++;
        }
        if (valid && !truthPasses)
        {
            FalseValid++;
            FalseValidImages.Add(image);
        }
        else if (valid && !exact)
        {
            ValidMisread++;
            ValidMisreadImages.Add(image);
        }
        for (var i = 0; i < truth.Count; i++)
        {
            var line = i < got.Count ? got[i] : "";
            _chars += truth[i].Length;
            for (var k = 0; k < truth[i].Length && k < line.Length; k++) if (truth[i][k] == line[k]) _charsRight++;
        }
        if (MrzParser.Parse(truth, today).Document is not { } expected) return;
        foreach (var field in Fields)
        {
            if (reading.Document is { } doc && Value(doc, field) == Value(expected, field)) _fieldRight[field]++;
        }
    }

    public double CharAccuracy => _chars == 0 ? 0 : _charsRight / (double)_chars;

    public double ExactPassingRate => LabelledPassing == 0 ? 0 : ExactPassing / (double)LabelledPassing;

    public double MedianMs => Percentile(0.5);

    public double P95Ms => Percentile(0.95);

    public double FieldAccuracy(string field) => Labelled == 0 ? 0 : _fieldRight[field] / (double)Labelled;

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Located}/{Images} | {Parsed}/{Images} | {Valid}/{Images} | {Exact}/{Labelled} | {ExactPassing}/{LabelledPassing} | {FalseValid} | {ValidMisread} | {CharAccuracy:P1} | {MedianMs:0} | {P95Ms:0} |");

    public const string Header = "| set / engine | located | parsed | all check digits | exact MRZ | exact (truth passes checks) | false valid (truth fails) | valid misread | char accuracy | ms p50 | ms p95 |\n|---|---|---|---|---|---|---|---|---|---|---|";

    public string FieldRow() => $"| {name} | " + string.Join(" | ", Fields.Select(f => FieldAccuracy(f).ToString("P1", CultureInfo.InvariantCulture))) + " |";

    public static string FieldHeader() => "| set / engine | " + string.Join(" | ", Fields) + " |\n|---|" + string.Concat(Fields.Select(_ => "---|"));

    private static string Value(MrzDocument doc, string field) => field switch
    {
        "surname" => doc.Surname,
        "given_names" => doc.GivenNames,
        MrzLayout.DocumentNumber => doc.DocumentNumber,
        MrzLayout.Sex => doc.Sex,
        MrzLayout.Nationality => doc.Nationality ?? "",
        MrzLayout.IssuingState => doc.IssuingState,
        MrzLayout.DocumentCode => doc.DocumentCode,
        _ => doc.Field(field),
    };

    private double Percentile(double p)
    {
        if (_times.Count == 0) return 0;
        var sorted = _times.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
    }
}
