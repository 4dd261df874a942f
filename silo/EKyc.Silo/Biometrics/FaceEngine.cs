using EKyc.Biometrics.Analysis;
using EKyc.Biometrics.Models;
using Microsoft.Extensions.Options;

namespace EKyc.Silo.Biometrics;

/// <summary>
/// The face models, loaded once per silo on first use (loading six ONNX sessions takes a second; most requests never
/// need them). Missing model files surface as an exception naming them and the fetch script.
/// </summary>
public sealed class FaceEngine(IOptions<ModelsOptions> models) : IDisposable
{
    private readonly Lazy<(FaceModels Models, FaceAnalyzer Analyzer)> _loaded = new(() =>
    {
        var loaded = new FaceModels(new FaceModelsOptions { ModelsDirectory = models.Value.Resolve() });
        return (loaded, new FaceAnalyzer(loaded, new FaceAnalyzerOptions()));
    });

    public FaceAnalyzer Analyzer => _loaded.Value.Analyzer;

    public void Dispose()
    {
        if (_loaded.IsValueCreated) _loaded.Value.Models.Dispose();
    }
}
