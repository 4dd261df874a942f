using System.Globalization;
using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Recognition;

namespace EKyc.Biometrics.Eval;

/// <summary>Runs every measurement and prints the table; the last line is the machine-readable RESULT.</summary>
public sealed class FaceEvaluation(FaceAnalyzer analyzer, string facesDir, string spoofDir, double targetFmr)
{
    private static readonly string[] MultiFaceFiles = ["couple.jpg", "selfie-many-people.jpg"];
    private static readonly string[] PairFiles = ["pairs_master.csv", "pairs_pivot_with_model_distances.csv", "pairs_test_verify.csv"];

    public void Run(TextWriter o)
    {
        ArgumentNullException.ThrowIfNull(o);
        var identities = Csv.Read(Path.Combine(facesDir, "identities.csv"))
            .Where(r => r["present_in_this_copy"].StartsWith("yes", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(r => r["file"], r => r["identity_label"], StringComparer.Ordinal);
        var (pairs, skipped, conflicts) = LoadPairs(identities);

        // Warm-up: the first inference of each session allocates; keep it out of the latency figures.
        analyzer.Analyze(File.ReadAllBytes(Path.Combine(facesDir, identities.Keys.Order(StringComparer.Ordinal).First())));

        var analyses = new Dictionary<string, FaceAnalysis>(StringComparer.Ordinal);
        foreach (var file in identities.Keys.Order(StringComparer.Ordinal))
        {
            analyses[file] = analyzer.Analyze(File.ReadAllBytes(Path.Combine(facesDir, file)));
        }
        var noFace = analyses.Where(a => a.Value.MainFace is null).Select(a => a.Key).ToList();
        float Score(string a, string b) => Embeddings.Cosine(analyses[a].MainFace!.Embedding, analyses[b].MainFace!.Embedding);
        bool Usable(string f) => analyses[f].MainFace is not null;

        o.WriteLine("== Face verification (faces/deepface; main face = largest; cosine of L2-normalised embeddings)");
        o.WriteLine($"images analysed {analyses.Count}, no face found in {noFace.Count}{(noFace.Count > 0 ? " (" + string.Join(", ", noFace) + ")" : "")}");
        o.WriteLine($"pair files: {pairs.Count} distinct pairs, {skipped} skipped (image absent from this copy), {conflicts} disagree with identities.csv");
        var protocolPairs = pairs.Where(p => Usable(p.A) && Usable(p.B)).Select(p => (p.Same, Score: Score(p.A, p.B))).ToList();
        var singles = identities.Where(kv => kv.Value != "MULTI_FACE" && Usable(kv.Key)).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        var allPairs = new List<(bool Same, float Score)>();
        for (var i = 0; i < singles.Count; i++)
        {
            for (var j = i + 1; j < singles.Count; j++)
            {
                allPairs.Add((singles[i].Value == singles[j].Value, Score(singles[i].Key, singles[j].Key)));
            }
        }
        o.WriteLine($"target FMR {targetFmr:P2}; threshold = lowest cosine at which FMR <= target (resolution of FMR = 1 / impostor pairs)");
        o.WriteLine($"{"protocol",-34} {"genuine",7} {"impostor",8} {"AUC",7} {"gen min/mean",13} {"imp max/mean",13} {"FMR step",9} {"threshold",9} {"FMR",7} {"FNMR",7}");
        var headline = Verification(o, "pair files (curated)", protocolPairs);
        Verification(o, "all-vs-all from identities.csv", allPairs);
        var policy = new FaceMatchOptions();
        var atDefault = allPairs.Select(p => p.Score >= policy.Threshold == p.Same).Count(ok => !ok);
        o.WriteLine($"FaceMatchOptions default threshold {policy.Threshold:F2}: {atDefault} errors over the {allPairs.Count} all-vs-all pairs");

        var (apcer, bpcer) = Liveness(o, analyses);
        Quality(o, analyses);
        var (detectP50, embedP50) = Latency(o, analyses.Values.ToList());

        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT auc={headline.Auc:F4} threshold={headline.Threshold:F4} fmr={headline.Fmr:F4} fnmr={headline.Fnmr:F4} apcer={apcer:F4} bpcer={bpcer:F4} detect_ms_p50={detectP50:F2} embed_ms_p50={embedP50:F2}"));
    }

    private (List<(string A, string B, bool Same)> Pairs, int Skipped, int Conflicts) LoadPairs(Dictionary<string, string> identities)
    {
        var pairs = new Dictionary<(string, string), bool>();
        int skipped = 0, conflicts = 0;
        foreach (var file in PairFiles)
        {
            var path = Path.Combine(facesDir, file);
            if (!File.Exists(path)) continue;
            foreach (var row in Csv.Read(path))
            {
                var values = row.Values.ToList();
                var a = Path.GetFileName(values[0]);
                var b = Path.GetFileName(values[1]);
                var same = values[2].Trim().Equals("Yes", StringComparison.OrdinalIgnoreCase);
                if (!identities.ContainsKey(a) || !identities.ContainsKey(b)) { skipped++; continue; }
                var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
                if (!pairs.TryAdd(key, same) && pairs[key] != same) conflicts++;
                if ((identities[a] == identities[b]) != same) conflicts++;
            }
        }
        return (pairs.Select(kv => (kv.Key.Item1, kv.Key.Item2, kv.Value)).ToList(), skipped, conflicts);
    }

    private (double Auc, float Threshold, double Fmr, double Fnmr) Verification(TextWriter o, string name, List<(bool Same, float Score)> scored)
    {
        var genuine = scored.Where(p => p.Same).Select(p => p.Score).ToList();
        var impostor = scored.Where(p => !p.Same).Select(p => p.Score).ToList();
        var auc = Metrics.Auc(genuine, impostor);
        var threshold = Metrics.ThresholdForFmr(impostor, targetFmr);
        var fmr = Metrics.Fmr(impostor, threshold);
        var fnmr = Metrics.Fnmr(genuine, threshold);
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-34} {genuine.Count,7} {impostor.Count,8} {auc,7:F4} {genuine.Min(),6:F3}/{genuine.Average(),-6:F3} {impostor.Max(),6:F3}/{impostor.Average(),-6:F3} {1.0 / impostor.Count,9:P3} {threshold,9:F4} {fmr,7:P2} {fnmr,7:P2}"));
        return (auc, threshold, fmr, fnmr);
    }

    private (double Apcer, double Bpcer) Liveness(TextWriter o, Dictionary<string, FaceAnalysis> faces)
    {
        o.WriteLine();
        o.WriteLine("== Passive liveness (spoof/silent_face; BGR input, class 0 = live; threshold from PassiveLivenessOptions)");
        var threshold = new PassiveLivenessOptions().Threshold;
        var labels = Csv.Read(Path.Combine(spoofDir, "labels.csv"));
        int spoof = 0, spoofAccepted = 0, live = 0, liveRejected = 0;
        foreach (var row in labels)
        {
            var analysis = analyzer.Analyze(File.ReadAllBytes(Path.Combine(spoofDir, row["file"])));
            var face = analysis.MainFace;
            var score = face?.Liveness.Score ?? 0f;
            var isLive = face is not null && score >= threshold;
            var bonaFide = row["label"] == "live";
            if (bonaFide) { live++; if (!isLive) liveRejected++; }
            else { spoof++; if (isLive) spoofAccepted++; }
            o.WriteLine($"  {row["file"],-14} {row["label"],-5} live-score {score:F3} -> {(isLive ? "live" : "spoof")}   ({row["attack_type"]})");
        }
        var apcer = spoof == 0 ? double.NaN : spoofAccepted / (double)spoof;
        var bpcer = live == 0 ? double.NaN : liveRejected / (double)live;
        o.WriteLine($"APCER {apcer:P0} ({spoofAccepted}/{spoof} attacks accepted)  BPCER {bpcer:P0} ({liveRejected}/{live} bona fide rejected) at threshold {threshold:F2}");
        o.WriteLine($"  only {spoof + live} labelled samples of one subject: a smoke test of the preprocessing, not an error rate.");
        var press = faces.Values.Where(a => a.MainFace is not null).Select(a => (double)a.MainFace!.Liveness.Score).ToList();
        o.WriteLine($"  (not bona fide captures, for scale) press photos of faces/deepface read live-score min {press.Min():F3}, median {Metrics.Percentile(press, 50):F3}");
        return (apcer, bpcer);
    }

    private static void Quality(TextWriter o, Dictionary<string, FaceAnalysis> analyses)
    {
        o.WriteLine();
        o.WriteLine("== Selfie quality gate on faces/deepface (press photos, not selfies; QualityOptions defaults)");
        var main = analyses.Values.Where(a => a.MainFace is not null).Select(a => a.MainFace!).ToList();
        var sharp = main.Select(f => f.Measures.Sharpness).ToList();
        var bright = main.Select(f => f.Measures.Brightness).ToList();
        var yaw = main.Select(f => (double)Math.Abs(f.Pose.Yaw)).ToList();
        var pitch = main.Select(f => (double)f.Pose.Pitch).ToList();
        o.WriteLine($"sharpness (Laplacian var @128px) min {sharp.Min():F0} p5 {Metrics.Percentile(sharp, 5):F0} median {Metrics.Percentile(sharp, 50):F0}");
        o.WriteLine($"brightness (mean grey)           min {bright.Min():F0} median {Metrics.Percentile(bright, 50):F0} max {bright.Max():F0}");
        o.WriteLine($"|yaw| median {Metrics.Percentile(yaw, 50):F1} p95 {Metrics.Percentile(yaw, 95):F1} max {yaw.Max():F1}; pitch median {Metrics.Percentile(pitch, 50):F1} range {pitch.Min():F1}..{pitch.Max():F1}");
        var byCode = analyses.SelectMany(a => a.Value.SelfieIssues.Select(i => (i.Code, File: a.Key)))
            .GroupBy(x => x.Code).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var g in byCode)
        {
            o.WriteLine($"  {g.Key,-18} {g.Count(),3}: {string.Join(", ", g.Select(x => x.File).Order(StringComparer.Ordinal))}");
        }
        o.WriteLine($"accepted as a selfie: {analyses.Values.Count(a => a.SelfieAccepted)} of {analyses.Count}");
        foreach (var f in MultiFaceFiles.Where(analyses.ContainsKey))
        {
            o.WriteLine($"  {f}: {analyses[f].Detections.Count} faces detected; issues {string.Join(", ", analyses[f].SelfieIssues.Select(i => i.Code))}");
        }
    }

    private static (double DetectP50, double EmbedP50) Latency(TextWriter o, List<FaceAnalysis> analyses)
    {
        o.WriteLine();
        var faces = analyses.Sum(a => a.Faces.Count);
        // Other processes' load skews these figures; print it so a slow run can be told from a slow change.
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
        o.WriteLine($"== Latency, ms ({Environment.ProcessorCount} cores, load average {load}, 1 ONNX thread; detect per image over {analyses.Count} images, other stages per face over {faces} faces)");
        var perFace = analyses.Where(a => a.Faces.Count > 0).ToList();
        var stages = new (string Name, List<double> Values)[]
        {
            ("detect", analyses.Select(a => a.Timings.DetectMs).ToList()),
            ("landmark", perFace.Select(a => a.Timings.LandmarkMs / a.Faces.Count).ToList()),
            ("align+embed", perFace.Select(a => a.Timings.AlignEmbedMs / a.Faces.Count).ToList()),
            ("liveness", perFace.Select(a => a.Timings.LivenessMs / a.Faces.Count).ToList()),
            ("pose", perFace.Select(a => a.Timings.PoseMs / a.Faces.Count).ToList()),
            ("eye (both)", perFace.Select(a => a.Timings.EyeMs / a.Faces.Count).ToList()),
            ("quality measures", perFace.Select(a => a.Timings.QualityMs / a.Faces.Count).ToList()),
            ("total per image", analyses.Select(a => a.Timings.TotalMs).ToList()),
        };
        o.WriteLine($"{"stage",-18} {"p50",8} {"p95",8}");
        foreach (var (name, values) in stages)
        {
            o.WriteLine($"{name,-18} {Metrics.Percentile(values, 50),8:F2} {Metrics.Percentile(values, 95),8:F2}");
        }
        o.WriteLine("  detect includes resizing the full image to 320x240; decoding the JPEG is not counted.");
        return (Metrics.Percentile(stages[0].Values, 50), Metrics.Percentile(stages[2].Values, 50));
    }
}
