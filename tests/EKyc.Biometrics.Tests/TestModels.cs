using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Models;
using EKyc.TestSupport;

namespace EKyc.Biometrics.Tests;

/// <summary>
/// The six models, loaded once for all model tests. Missing models skip the test with a message naming the fix;
/// under CI (CI=true) they fail it instead, because CI runs deploy/models/fetch.sh and a silent skip would hide a
/// broken fetch.
/// </summary>
internal static class TestModels
{
    private static readonly Lazy<FaceModels> Shared = new(() =>
        new FaceModels(new FaceModelsOptions { ModelsDirectory = Directory()!, IntraOpThreads = 1 }));

    public static FaceModels Require()
    {
        var dir = Directory();
        var missing = dir is null ? FaceModels.FileNames : FaceModels.MissingFiles(dir);
        if (missing.Count > 0)
        {
            var message = $"face models absent ({string.Join(", ", missing)} not in {dir ?? "<repo>/.data/models or EKYC_MODELS_DIR"}): run deploy/models/fetch.sh";
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail(message);
            }
            Assert.Skip(message);
        }
        return Shared.Value;
    }

    public static FaceAnalyzer Analyzer() => new(Require(), new FaceAnalyzerOptions());

    private static string? Directory() =>
        FaceModelsOptions.FindDefaultDirectory(RepositoryRoot.Find() ?? AppContext.BaseDirectory);
}
