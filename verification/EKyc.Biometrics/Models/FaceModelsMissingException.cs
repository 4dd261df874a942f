namespace EKyc.Biometrics.Models;

/// <summary>
/// One or more model files are absent. The message names them and the directory, and says how to get them, because
/// the usual cause is a fresh clone on which <c>deploy/models/fetch.sh</c> has not run yet.
/// </summary>
public sealed class FaceModelsMissingException : FileNotFoundException
{
    public FaceModelsMissingException()
    {
    }

    public FaceModelsMissingException(string message) : base(message)
    {
    }

    public FaceModelsMissingException(string message, Exception innerException) : base(message, innerException)
    {
    }

    public FaceModelsMissingException(string directory, IReadOnlyList<string> missingFiles)
        : base(Describe(directory, missingFiles), missingFiles.Count > 0 ? Path.Combine(directory, missingFiles[0]) : directory)
    {
        Directory = directory;
        MissingFiles = missingFiles;
    }

    public string? Directory { get; }

    public IReadOnlyList<string> MissingFiles { get; } = [];

    private static string Describe(string directory, IReadOnlyList<string> missing) =>
        $"face model file(s) {string.Join(", ", missing)} missing from '{directory}': run deploy/models/fetch.sh " +
        "(it installs the SHA-256-verified files into .data/models, or into EKYC_MODELS_DIR when set)";
}
