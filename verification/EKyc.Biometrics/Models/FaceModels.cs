using Microsoft.ML.OnnxRuntime;

namespace EKyc.Biometrics.Models;

/// <summary>
/// The six ONNX sessions, loaded once. Loading takes tens of milliseconds per model, so one instance should be shared
/// (a singleton in a host); <see cref="InferenceSession.Run(RunOptions, IReadOnlyCollection{string}, IReadOnlyCollection{OrtValue}, IReadOnlyCollection{string})"/>
/// is safe to call from several threads at once, so no lock is needed around inference.
/// </summary>
public sealed class FaceModels : IDisposable
{
    /// <summary>
    /// The package the six models come from (deploy/models/manifest.tsv pins each file's SHA-256), recorded with check
    /// results as their model version.
    /// </summary>
    public const string Release = "faceplugin-face-recognition-js@0.0.1";

    public const string DetectFile = "fr_detect.onnx";
    public const string LandmarkFile = "fr_landmark.onnx";
    public const string FeatureFile = "fr_feature.onnx";
    public const string LivenessFile = "fr_liveness.onnx";
    public const string EyeFile = "fr_eye.onnx";
    public const string PoseFile = "fr_pose.onnx";

    public static IReadOnlyList<string> FileNames { get; } = [DetectFile, LandmarkFile, FeatureFile, LivenessFile, EyeFile, PoseFile];

    private readonly SessionOptions _sessionOptions;
    private readonly SessionOptions _featureSessionOptions;

    public FaceModels(FaceModelsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Check every file before loading any, so the error lists all that are missing at once.
        var missing = MissingFiles(options.ModelsDirectory);
        if (missing.Count > 0) throw new FaceModelsMissingException(options.ModelsDirectory, missing);

        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        // The embedding model runs about three times slower with ORT_ENABLE_ALL than with ORT_ENABLE_EXTENDED
        // (measured with ONNX Runtime 1.31.1 on x64, 1 thread: ~140 ms vs ~45 ms on a loaded 2-core machine; the
        // layout optimisations that ENABLE_ALL adds suit the other five models, which run 1.5–5× faster with it).
        _featureSessionOptions = new SessionOptions
        {
            IntraOpNumThreads = Math.Max(1, options.IntraOpThreads),
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_EXTENDED,
        };
        Directory = options.ModelsDirectory;
        Detector = Load(DetectFile);
        Landmark = Load(LandmarkFile);
        Feature = Load(FeatureFile, _featureSessionOptions);
        Liveness = Load(LivenessFile);
        Eye = Load(EyeFile);
        Pose = Load(PoseFile);
    }

    public string Directory { get; }

    public InferenceSession Detector { get; }

    public InferenceSession Landmark { get; }

    public InferenceSession Feature { get; }

    public InferenceSession Liveness { get; }

    public InferenceSession Eye { get; }

    public InferenceSession Pose { get; }

    /// <summary>The model files absent from <paramref name="directory"/> (all of them when it does not exist).</summary>
    public static IReadOnlyList<string> MissingFiles(string directory) =>
        FileNames.Where(f => !File.Exists(Path.Combine(directory, f))).ToList();

    public void Dispose()
    {
        Detector.Dispose();
        Landmark.Dispose();
        Feature.Dispose();
        Liveness.Dispose();
        Eye.Dispose();
        Pose.Dispose();
        _sessionOptions.Dispose();
        _featureSessionOptions.Dispose();
    }

    private InferenceSession Load(string file, SessionOptions? sessionOptions = null) =>
        new(Path.Combine(Directory, file), sessionOptions ?? _sessionOptions);
}
