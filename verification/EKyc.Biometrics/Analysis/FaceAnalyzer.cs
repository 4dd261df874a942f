using System.Diagnostics;
using EKyc.Biometrics.Alignment;
using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Models;
using EKyc.Biometrics.Quality;
using EKyc.Biometrics.Recognition;
using OpenCvSharp;

namespace EKyc.Biometrics.Analysis;

/// <summary>
/// The whole pipeline for one image: detect → landmarks → align + embed, passive liveness, pose, eyes, quality.
/// Stateless apart from the shared models, so one instance serves concurrent callers.
/// </summary>
public sealed class FaceAnalyzer
{
    private readonly FaceDetector _detector;
    private readonly LandmarkDetector _landmarks;
    private readonly FaceEmbedder _embedder;
    private readonly PassiveLivenessEstimator _liveness;
    private readonly HeadPoseEstimator _pose;
    private readonly EyeStateEstimator _eyes;
    private readonly SelfieQualityGate _gate;
    private readonly FaceAnalyzerOptions _options;

    public FaceAnalyzer(FaceModels models, FaceAnalyzerOptions options)
    {
        ArgumentNullException.ThrowIfNull(models);
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _detector = new FaceDetector(models, options.Detector);
        _landmarks = new LandmarkDetector(models);
        _embedder = new FaceEmbedder(models);
        _liveness = new PassiveLivenessEstimator(models);
        _pose = new HeadPoseEstimator(models);
        _eyes = new EyeStateEstimator(models);
        _gate = new SelfieQualityGate(options.Quality);
    }

    /// <summary>Decodes an encoded image (JPEG, PNG, WebP…; EXIF orientation applied) and analyses it.</summary>
    /// <exception cref="ArgumentException">The bytes are not a decodable image.</exception>
    public FaceAnalysis Analyze(byte[] encodedImage)
    {
        using var bgr = ImageDecoding.Decode(encodedImage);
        return Analyze(bgr);
    }

    /// <param name="bgr">An 8-bit, 3-channel BGR image (OpenCV's decoding order).</param>
    public FaceAnalysis Analyze(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Empty() || bgr.Type() != MatType.CV_8UC3) throw new ArgumentException("expected a non-empty 8-bit BGR image", nameof(bgr));
        var t = new Timer();

        var detections = Time(ref t.Detect, () => _detector.Detect(bgr));
        var faces = new List<AnalyzedFace>();
        foreach (var detection in detections.OrderByDescending(d => d.Box.Area).Take(_options.MaxFacesAnalyzed))
        {
            var box = detection.Box;
            var landmarks = Time(ref t.Landmark, () => _landmarks.Detect(bgr, box));
            var embedding = Time(ref t.Embed, () =>
            {
                using var aligned = FaceAligner.Align(bgr, landmarks.FivePoints());
                return _embedder.Embed(aligned);
            });
            var liveScore = Time(ref t.Liveness, () => _liveness.Score(bgr, box));
            var pose = Time(ref t.Pose, () => _pose.Estimate(bgr, box));
            var eyes = Time(ref t.Eye, () => _eyes.Estimate(bgr, landmarks));
            var measures = Time(ref t.Quality, () => FaceImageMeasure.Measure(bgr, box));
            var issues = _gate.FaceIssues(box, bgr.Width, bgr.Height, pose, measures, eyes);
            var liveness = new LivenessResult(liveScore, liveScore >= _options.Liveness.Threshold);
            faces.Add(new AnalyzedFace(box, detection.Score, landmarks, embedding, pose, eyes, liveness, measures, issues));
        }
        var selfieIssues = _gate.SelfieIssues(detections, faces.Count > 0 ? faces[0].QualityIssues : []);
        return new FaceAnalysis(bgr.Width, bgr.Height, detections, faces, selfieIssues, t.ToTimings());
    }

    private static T Time<T>(ref double bucket, Func<T> stage)
    {
        var start = Stopwatch.GetTimestamp();
        var result = stage();
        bucket += Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        return result;
    }

    /// <summary>Elapsed milliseconds per stage, summed over faces.</summary>
    private sealed class Timer
    {
        public double Detect, Landmark, Embed, Liveness, Pose, Eye, Quality;

        public StageTimings ToTimings() => new(Detect, Landmark, Embed, Liveness, Pose, Eye, Quality);
    }
}
