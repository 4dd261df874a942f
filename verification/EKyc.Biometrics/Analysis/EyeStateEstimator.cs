using EKyc.Biometrics.Alignment;
using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Analysis;

/// <summary>
/// fr_eye.onnx (port of lib/fr_eye.js): for each eye, a square 1.6× the corner-to-corner eye width around the
/// eyelid centre, 24×24 grey, p / 255, two-class softmax.
/// </summary>
public sealed class EyeStateEstimator(FaceModels models)
{
    public const int InputSize = 24;
    public const float Padding = 1.6f;

    /// <summary>
    /// Index of the open class, set by measurement: on the 67 faces of ../shared/data with eyes visibly open, class 1
    /// had the higher probability for 90 % of eyes (121 of 134). The shared data holds no closed-eye face, so the
    /// closed class is unverified; one eye in ten reads closed on open-eyed press photos, so callers should ask for
    /// both eyes closed before calling an eye closed.
    /// </summary>
    public const int OpenClass = 1;

    public EyeState Estimate(Mat bgr, FaceLandmarks landmarks)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(landmarks);
        var first = OpenProbability(bgr, landmarks.FirstEyeCenter, landmarks.FirstEyeWidth);
        var second = OpenProbability(bgr, landmarks.SecondEyeCenter, landmarks.SecondEyeWidth);
        return new EyeState(first, second);
    }

    private float OpenProbability(Mat bgr, Point2f center, float eyeWidth)
    {
        var size = Math.Max(2, (int)(eyeWidth * Padding));
        var rect = CropGeometry.Clip(new Rect((int)(center.X - (size / 2f)), (int)(center.Y - (size / 2f)), size, size), bgr.Width, bgr.Height);
        using var crop = new Mat(bgr, rect);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(InputSize, InputSize));
        using var gray = new Mat();
        Cv2.CvtColor(resized, gray, ColorConversionCodes.BGR2GRAY);
        var input = TensorPacking.Gray(gray, 1f / 255);
        var logits = OnnxInference.RunSingle(models.Eye, input, [1, 1, InputSize, InputSize]);
        return OnnxInference.Softmax(logits)[OpenClass];
    }
}
