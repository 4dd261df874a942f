using Xunit;

namespace EKyc.TestSupport;

/// <summary>
/// The verified model files (deploy/models/fetch.sh installs them in &lt;repo&gt;/.data/models or EKYC_MODELS_DIR).
/// Absent models skip a test with the fix named; under CI (CI=true) they fail it, because CI fetches them and a
/// silent skip would hide a broken fetch.
/// </summary>
public static class ModelFiles
{
    public static string Require(params string[] files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var dir = Environment.GetEnvironmentVariable("EKYC_MODELS_DIR") is { Length: > 0 } env
            ? env
            : RepositoryRoot.Find() is { } root ? Path.Combine(root, ".data", "models") : null;
        var missing = files.Where(f => dir is null || !File.Exists(Path.Combine(dir, f))).ToList();
        if (missing.Count > 0)
        {
            var message = $"model files absent ({string.Join(", ", missing)} not in {dir ?? "<repo>/.data/models"}): run deploy/models/fetch.sh";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase)) Assert.Fail(message);
            Assert.Skip(message);
        }
        return dir!;
    }

    public static string[] Ocr => ["ch_PP-OCRv4_rec_infer.onnx", "ppocr_keys_v1.txt", "ch_PP-OCRv4_det_infer.onnx"];

    public static string[] Faces => ["fr_detect.onnx", "fr_landmark.onnx", "fr_feature.onnx", "fr_liveness.onnx", "fr_eye.onnx", "fr_pose.onnx"];
}
