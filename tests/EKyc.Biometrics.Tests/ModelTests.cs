using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Models;
using EKyc.Biometrics.Recognition;
using EKyc.TestSupport;

namespace EKyc.Biometrics.Tests;

/// <summary>
/// The real models on ../shared/data. Each test skips (with the reason) when the models or the data are absent.
/// </summary>
public class ModelTests
{
    private static string Faces(string file) => Path.Combine(SharedData.Require("faces/deepface"), file);

    private static FaceAnalysis Analyze(string path) => TestModels.Analyzer().Analyze(File.ReadAllBytes(path));

    [Fact]
    public void Same_person_pairs_score_higher_than_different_person_pairs()
    {
        // The 10 pairs hard-coded in deepface's test_verify.py: 6 same person, 4 different.
        var analyzer = TestModels.Analyzer();
        var pairs = File.ReadAllLines(Faces("pairs_test_verify.csv")).Skip(1)
            .Select(l => l.Trim().Split(','))
            .Where(c => c.Length == 3)
            .Select(c => (A: c[0], B: c[1], Same: c[2] == "Yes"))
            .ToList();
        var embeddings = pairs.SelectMany(p => new[] { p.A, p.B }).Distinct()
            .ToDictionary(f => f, f => analyzer.Analyze(File.ReadAllBytes(Faces(f))).MainFace!.Embedding);
        var genuine = pairs.Where(p => p.Same).Select(p => Embeddings.Cosine(embeddings[p.A], embeddings[p.B])).ToList();
        var impostor = pairs.Where(p => !p.Same).Select(p => Embeddings.Cosine(embeddings[p.A], embeddings[p.B])).ToList();

        Assert.Equal(6, genuine.Count);
        Assert.Equal(4, impostor.Count);
        Assert.True(genuine.Min() > impostor.Max(), $"lowest same-person {genuine.Min():F3} <= highest different-person {impostor.Max():F3}");
        var policy = new FaceMatchPolicy(new FaceMatchOptions());
        Assert.All(genuine, s => Assert.True(s >= policy.Options.Threshold, $"same-person pair scored {s:F3}"));
        Assert.All(impostor, s => Assert.True(s < policy.Options.Threshold, $"different-person pair scored {s:F3}"));
    }

    [Fact]
    public void Embeddings_are_unit_length_and_512_wide()
    {
        var face = Analyze(Faces("img1.jpg")).MainFace!;
        Assert.Equal(FaceEmbedder.Dimensions, face.Embedding.Length);
        Assert.Equal(1.0, Math.Sqrt(face.Embedding.Sum(x => x * (double)x)), 4);
    }

    [Fact]
    public void The_couple_photo_yields_two_faces()
    {
        var analysis = Analyze(Faces("couple.jpg"));
        Assert.Equal(2, analysis.Detections.Count);
        Assert.Equal(2, analysis.Faces.Count);
        // Two different people: their embeddings must not match.
        Assert.False(new FaceMatchPolicy(new FaceMatchOptions()).Compare(analysis.Faces[0].Embedding, analysis.Faces[1].Embedding).IsMatch);
    }

    [Fact]
    public void The_quality_gate_rejects_group_photos_as_selfies()
    {
        foreach (var file in new[] { "couple.jpg", "selfie-many-people.jpg" })
        {
            var analysis = Analyze(Faces(file));
            Assert.False(analysis.SelfieAccepted);
            Assert.Contains(analysis.SelfieIssues, i => i.Code == "multiple_faces");
        }
    }

    [Fact]
    public void A_frontal_portrait_passes_the_quality_gate()
    {
        var analysis = Analyze(Faces("img10.jpg"));
        Assert.True(analysis.SelfieAccepted, string.Join(", ", analysis.SelfieIssues.Select(i => i.Code)));
        var face = analysis.MainFace!;
        Assert.True(face.Eyes.BothOpen(0.5f), $"eyes read {face.Eyes}");
        Assert.InRange(face.Pose.Yaw, -10f, 10f);
        Assert.True(face.Liveness.IsLive);
    }

    [Fact]
    public void Yaw_is_positive_when_people_turn_to_their_own_left()
    {
        // Both people in couple.jpg have turned to their left (noses towards the image's right): the model reads
        // about −22° raw, which this library reports as positive.
        var analysis = Analyze(Faces("couple.jpg"));
        Assert.All(analysis.Faces, f => Assert.True(f.Pose.Yaw > 10, $"yaw {f.Pose.Yaw:F1}"));
    }

    [Fact]
    public void Every_stage_is_timed()
    {
        var timings = Analyze(Faces("img10.jpg")).Timings;
        Assert.All(
            new[] { timings.DetectMs, timings.LandmarkMs, timings.AlignEmbedMs, timings.LivenessMs, timings.PoseMs, timings.EyeMs },
            ms => Assert.True(ms > 0));
        Assert.True(timings.TotalMs >= timings.AlignEmbedMs);
    }

    [Fact]
    public void Passive_liveness_separates_the_labelled_spoof_samples()
    {
        var dir = SharedData.Require("spoof/silent_face");
        var threshold = new PassiveLivenessOptions().Threshold;
        var rows = File.ReadAllLines(Path.Combine(dir, "labels.csv")).Skip(1)
            .Select(l => l.Split(','))
            .Select(c => (File: c[0], Live: c[1] == "live"))
            .ToList();
        Assert.Contains(rows, r => r.Live);
        Assert.Contains(rows, r => !r.Live);

        var scores = rows.ToDictionary(r => r, r => Analyze(Path.Combine(dir, r.File)).MainFace!.Liveness.Score);

        Assert.All(rows.Where(r => r.Live), r => Assert.True(scores[r] >= threshold, $"{r.File} (live) scored {scores[r]:F3}"));
        Assert.All(rows.Where(r => !r.Live), r => Assert.True(scores[r] < threshold, $"{r.File} (spoof) scored {scores[r]:F3}"));
    }

    [Fact]
    public void Sideways_phone_photos_are_turned_upright_from_their_EXIF_tag()
    {
        // Stored 640×480 with EXIF orientation "upper-right"; upright they are 480×640 and the face is found.
        var analysis = Analyze(Path.Combine(SharedData.Require("spoof/silent_face"), "image_T1.jpg"));
        Assert.Equal((480, 640), (analysis.ImageWidth, analysis.ImageHeight));
        Assert.Single(analysis.Detections);
    }
}
