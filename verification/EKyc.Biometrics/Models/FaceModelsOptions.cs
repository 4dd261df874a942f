namespace EKyc.Biometrics.Models;

/// <summary>Where the six faceplugin ONNX files live and how ONNX Runtime may use the CPU.</summary>
public sealed record FaceModelsOptions
{
    /// <summary>Directory holding fr_detect.onnx … fr_pose.onnx, as installed by <c>deploy/models/fetch.sh</c>.</summary>
    public required string ModelsDirectory { get; init; }

    /// <summary>
    /// Threads per inference. Default 1: a service analyses many requests at once, and one inference spreading over
    /// every core only makes concurrent requests fight for them. Raise it for a single-user tool.
    /// </summary>
    public int IntraOpThreads { get; init; } = 1;

    /// <summary>
    /// The directory fetch.sh installs into: <c>EKYC_MODELS_DIR</c> when set, else the first <c>.data/models</c> found
    /// walking up from <paramref name="startDirectory"/> (the repository root has one). Null when neither exists.
    /// </summary>
    public static string? FindDefaultDirectory(string startDirectory)
    {
        var env = Environment.GetEnvironmentVariable("EKYC_MODELS_DIR");
        if (!string.IsNullOrWhiteSpace(env)) return env;
        for (var dir = new DirectoryInfo(startDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".data", "models");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}
