using System.Text.Json;
using EKyc.Documents.Mrz;

namespace EKyc.Documents.Eval;

/// <summary>
/// The labelled MRZ strings of ../shared/data/mrz through the parser: a vector is right when every statement it
/// carries holds — the check-digit verdict of the independent recomputation (and the format), the asserted fields,
/// the repair of its OCR-noisy variant to the clean parse, and the refusal of driving-licence layouts.
/// </summary>
internal static class MrzVectors
{
    public static (int Right, int Total, List<string> Wrong) Run(string dataDir, DateOnly today)
    {
        var file = Path.Combine(dataDir, "mrz", "mrz_test_vectors.jsonl");
        if (!File.Exists(file)) return (0, 0, []);
        int right = 0, total = 0;
        var wrong = new List<string>();
        foreach (var line in File.ReadLines(file).Where(l => l.Length > 0))
        {
            using var json = JsonDocument.Parse(line);
            var v = json.RootElement;
            total++;
            var mrz = Lines(v, "mrz");
            if (Problem(v, mrz, today) is { } problem) wrong.Add($"{string.Join('|', mrz)}: {problem}");
            else right++;
        }
        return (right, total, wrong);
    }

    private static string? Problem(JsonElement v, string[] mrz, DateOnly today)
    {
        var result = MrzParser.Parse(mrz, today);
        if (mrz.Length == 1 || mrz[0].Length == 9)
            return result.Failure?.Code == MrzIssueCodes.FormatUnrecognized ? null : "a driving-licence layout was not refused";
        if (v.TryGetProperty("helper_icao_check", out var h) && h.ValueKind == JsonValueKind.Object
            && h.TryGetProperty("format", out var f) && f.GetString() is { } format && format != "other")
        {
            if (result.Document is not { } doc) return $"did not parse: {result.Failure?.Code}";
            if (!string.Equals(format.Replace("-", "", StringComparison.Ordinal), doc.Format.ToString(), StringComparison.OrdinalIgnoreCase))
                return $"format {doc.Format}, expected {format}";
            if (h.GetProperty("all_check_digits_ok").GetBoolean() != doc.ChecksValid) return $"check digits {doc.ChecksValid}, expected the opposite";
        }
        if (v.TryGetProperty("expected_fields", out var e) && v.GetProperty("source").GetString() == "cheminfo/mrz" && result.Document is { } d)
        {
            if (Str(e, "lastName") is { } last && last != d.Surname) return $"surname {d.Surname}";
            if (Str(e, "firstName") is { } first && first != d.GivenNames) return $"given names {d.GivenNames}";
            if (Str(e, "birthDate") is { } birth && birth != d.Field(MrzLayout.BirthDate)) return $"birth date {d.Field(MrzLayout.BirthDate)}";
            // The French card number is 12 characters; that library splits it into issue month, office and sequence.
            var number = d.Format == MrzFormat.FrenchNationalId
                ? Str(e, "issueDate") + Str(e, "administrativeCode2") + Str(e, "documentNumber")
                : Str(e, "documentNumber");
            if (number is not null && number != d.DocumentNumber && Str(e, "administrativeCode2") is not null)
                return $"document number {d.DocumentNumber}";
        }
        if (v.TryGetProperty("ocr_noisy_mrz", out var n) && n.ValueKind == JsonValueKind.Array && result.Document is { } clean)
        {
            var noisy = MrzParser.Parse(Lines(v, "ocr_noisy_mrz"), today).Document;
            if (noisy is null || !noisy.Lines.SequenceEqual(clean.Lines) || !noisy.ChecksValid) return "the OCR-noisy variant did not repair to the clean parse";
        }
        return null;
    }

    private static string[] Lines(JsonElement v, string name) => v.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
