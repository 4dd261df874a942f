using System.Text.Json;

namespace EKyc.Documents.Eval;

/// <summary>One labelled image from documents/ground_truth.json: its file and transcribed MRZ (null when none).</summary>
internal sealed record GroundTruth(string File, IReadOnlyList<string>? MrzLines, bool ChecksOk)
{
    public static List<GroundTruth> Load(string dataDir)
    {
        using var json = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(dataDir, "documents", "ground_truth.json")));
        var list = new List<GroundTruth>();
        foreach (var e in json.RootElement.EnumerateArray())
        {
            if (e.TryGetProperty("included", out var inc) && inc.ValueKind == JsonValueKind.False) continue;
            var file = Path.Combine(dataDir, "documents", e.GetProperty("file").GetString()!);
            if (!System.IO.File.Exists(file)) continue;
            IReadOnlyList<string>? lines = e.TryGetProperty("mrz_lines", out var l) && l.ValueKind == JsonValueKind.Array && l.GetArrayLength() > 0
                ? l.EnumerateArray().Select(x => x.GetString()!).ToList()
                : null;
            var ok = e.TryGetProperty("icao_check_digits", out var c) && c.ValueKind == JsonValueKind.Object
                && c.TryGetProperty("all_check_digits_ok", out var a) && a.ValueKind == JsonValueKind.True;
            list.Add(new GroundTruth(file, lines, ok));
        }
        return list;
    }
}
