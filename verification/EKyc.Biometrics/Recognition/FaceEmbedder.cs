using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Recognition;

/// <summary>
/// fr_feature.onnx (port of lib/fr_feature.js): an aligned 112×112 face, (p − 127) / 128, to a 512-float embedding,
/// returned L2-normalised so that a dot product is the cosine.
/// </summary>
public sealed class FaceEmbedder(FaceModels models)
{
    public const int Dimensions = 512;

    /// <summary>
    /// BGR. The JavaScript fed RGB (opencv.js RGBA, first three channels), but over the 484 labelled pairs of
    /// ../shared/data/faces BGR gave the wider gap between genuine and impostor scores (lowest genuine 0.47 vs 0.40
    /// with RGB, highest impostor 0.35 either way; both orders separate the pairs, AUC 1.0): the model was trained on
    /// OpenCV's BGR, like the liveness model.
    /// </summary>
    public const ChannelOrder InputOrder = ChannelOrder.Bgr;

    public float[] Embed(Mat aligned112)
    {
        ArgumentNullException.ThrowIfNull(aligned112);
        var input = TensorPacking.ToChw(aligned112, InputOrder, 1f / 128, -127f / 128);
        var output = OnnxInference.RunSingle(models.Feature, input, [1, 3, 112, 112]);
        return Embeddings.Normalize(output);
    }
}
