namespace EKyc.Silo.Biometrics;

/// <summary>Where the verified ONNX models are (section <c>Models</c>); default: EKYC_MODELS_DIR or .data/models.</summary>
public sealed class ModelsOptions
{
    public string? Directory { get; set; }

    public string Resolve() =>
        Directory is { Length: > 0 } configured
            ? configured
            : EKyc.Biometrics.Models.FaceModelsOptions.FindDefaultDirectory(AppContext.BaseDirectory)
              ?? EKyc.Biometrics.Models.FaceModelsOptions.FindDefaultDirectory(System.IO.Directory.GetCurrentDirectory())
              ?? Path.Combine(System.IO.Directory.GetCurrentDirectory(), ".data", "models");
}
