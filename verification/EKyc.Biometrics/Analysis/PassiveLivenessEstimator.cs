using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Analysis;

/// <summary>
/// fr_liveness.onnx (port of lib/fr_liveness.js): the face box enlarged 2.7× (kept inside the image) resized to
/// 128×128, raw 0–255 pixels, three-class softmax. Returns the probability of the live class.
/// </summary>
public sealed class PassiveLivenessEstimator(FaceModels models)
{
    public const int InputSize = 128;
    public const float ContextScale = 2.7f;

    /// <summary>
    /// BGR with class 0 = live. The JavaScript fed RGB and reported class 0; on ../shared/data/spoof/silent_face only
    /// BGR ranked the live sample above both spoofs (RGB did not), so BGR is what the model was trained on.
    /// </summary>
    public const ChannelOrder InputOrder = ChannelOrder.Bgr;

    public const int LiveClass = 0;

    public float Score(Mat bgr, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var rect = CropGeometry.ScaledInside(box, ContextScale, bgr.Width, bgr.Height);
        using var crop = new Mat(bgr, rect);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(InputSize, InputSize));
        var input = TensorPacking.ToChw(resized, InputOrder, 1f, 0f);
        var logits = OnnxInference.RunSingle(models.Liveness, input, [1, 3, InputSize, InputSize]);
        return OnnxInference.Softmax(logits)[LiveClass];
    }
}
