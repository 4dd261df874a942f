using System.Text.Json;
using EKyc.Documents.Mrz;
using EKyc.TestSupport;

namespace EKyc.Documents.Tests.Mrz;

/// <summary>
/// The 62 labelled MRZ strings in ../shared/data/mrz: every ICAO vector's check-digit verdict must agree with the
/// independent recomputation, the asserted fields must match, and every OCR-noisy variant must repair to the clean
/// parse.
/// </summary>
public sealed class MrzVectorTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    private static List<JsonElement> Vectors()
    {
        var file = Path.Combine(SharedData.Require("mrz"), "mrz_test_vectors.jsonl");
        return File.ReadLines(file).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    private static string[] Lines(JsonElement v, string name) => v.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    private static string? Format(JsonElement v) =>
        v.TryGetProperty("helper_icao_check", out var h) && h.ValueKind == JsonValueKind.Object && h.TryGetProperty("format", out var f) ? f.GetString() : null;

    [Fact]
    public void Check_digit_verdicts_agree_with_the_independent_recomputation()
    {
        var compared = 0;
        foreach (var v in Vectors())
        {
            var format = Format(v);
            if (format is null or "other") continue;
            var expected = v.GetProperty("helper_icao_check").GetProperty("all_check_digits_ok").GetBoolean();
            var result = MrzParser.Parse(Lines(v, "mrz"), Today);
            Assert.True(result.Document is not null, $"{format} vector did not parse: {result.Failure}");
            Assert.Equal(format.Replace("-", "", StringComparison.Ordinal), result.Document!.Format.ToString().ToUpperInvariant(), ignoreCase: true);
            Assert.True(expected == result.Document.ChecksValid, $"{string.Join('|', Lines(v, "mrz"))}: expected checks {expected}");
            compared++;
        }
        Assert.True(compared >= 45, $"only {compared} ICAO vectors compared");
    }

    [Fact]
    public void Asserted_fields_match()
    {
        var compared = 0;
        foreach (var v in Vectors().Where(v => v.TryGetProperty("expected_fields", out _) && v.GetProperty("source").GetString() == "cheminfo/mrz"))
        {
            var result = MrzParser.Parse(Lines(v, "mrz"), Today);
            if (result.Document is not { } doc) continue; // driving licences: a stable refusal, tested below
            var f = v.GetProperty("expected_fields");
            var label = string.Join('|', Lines(v, "mrz"));
            Assert.True(Str(f, "lastName") is not { } last || last == doc.Surname, $"{label}: surname {doc.Surname}");
            Assert.True(Str(f, "firstName") is not { } first || first == doc.GivenNames, $"{label}: given {doc.GivenNames}");
            // The French card number is 12 characters; that library splits it into issue month, office and sequence.
            var number = doc.Format == MrzFormat.FrenchNationalId
                ? Str(f, "issueDate") + Str(f, "administrativeCode2") + Str(f, "documentNumber")
                : Str(f, "documentNumber");
            Assert.True(number is null || number == doc.DocumentNumber || Str(f, "administrativeCode2") is null, $"{label}: number {doc.DocumentNumber}");
            Assert.True(Str(f, "birthDate") is not { } birth || birth == doc.Field(MrzLayout.BirthDate), label);
            compared++;
        }
        Assert.True(compared >= 15, $"only {compared} vectors with asserted fields compared");
    }

    [Fact]
    public void Ocr_noisy_variants_repair_to_the_clean_reading()
    {
        var compared = 0;
        foreach (var v in Vectors().Where(v => v.TryGetProperty("ocr_noisy_mrz", out var n) && n.ValueKind == JsonValueKind.Array))
        {
            var clean = MrzParser.Parse(Lines(v, "mrz"), Today).Document;
            if (clean is null) continue;
            var noisy = MrzParser.Parse(Lines(v, "ocr_noisy_mrz"), Today).Document!;
            Assert.Equal(clean.Lines, noisy.Lines);
            Assert.True(noisy.ChecksValid);
            compared++;
        }
        Assert.True(compared >= 3, $"only {compared} noisy vectors compared");
    }

    [Fact]
    public void Driving_licence_layouts_are_refused_not_misread()
    {
        foreach (var v in Vectors().Where(v => Lines(v, "mrz") is var l && (l.Length == 1 || l[0].Length == 9)))
        {
            var result = MrzParser.Parse(Lines(v, "mrz"), Today);
            Assert.Equal(MrzIssueCodes.FormatUnrecognized, result.Failure?.Code);
        }
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null;
}
