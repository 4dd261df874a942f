namespace EKyc.Biometrics.Detection;

/// <summary>Detector post-processing. Defaults are the faceplugin <c>onnx_config</c> values.</summary>
public sealed record FaceDetectorOptions
{
    /// <summary>Minimum face-class probability (JavaScript <c>confidence_threshold</c> 0.65).</summary>
    public float ScoreThreshold { get; init; } = 0.65f;

    /// <summary>IoU above which a less confident box is a duplicate (JavaScript <c>nms_threshold</c> 0.4).</summary>
    public float NmsIouThreshold { get; init; } = 0.4f;

    /// <summary>Candidates kept before NMS (JavaScript <c>top_k</c> 750).</summary>
    public int TopK { get; init; } = 750;
}
