using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Alignment;

/// <summary>
/// fr_landmark.onnx (port of lib/fr_landmark.js): the face box (kept inside the image) resized to 64×64 grey, pixels
/// divided by 256; the 136 outputs are (x, y) pairs as fractions of the crop.
/// </summary>
public sealed class LandmarkDetector(FaceModels models)
{
    public const int InputSize = 64;

    public FaceLandmarks Detect(Mat bgr, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var rect = CropGeometry.ScaledInside(box, 1f, bgr.Width, bgr.Height);
        using var crop = new Mat(bgr, rect);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(InputSize, InputSize));
        // Real luminance of the BGR image. (opencv.js handed the JavaScript RGBA, so its BGR2GRAY weighted red and
        // blue the wrong way round; grey from a correct conversion is what a Python-trained model saw.)
        using var gray = new Mat();
        Cv2.CvtColor(resized, gray, ColorConversionCodes.BGR2GRAY);
        var input = TensorPacking.Gray(gray, 1f / 256);
        var output = OnnxInference.RunSingle(models.Landmark, input, [1, 1, InputSize, InputSize]);
        var points = new Point2f[FaceLandmarks.Count];
        for (var i = 0; i < points.Length; i++)
        {
            // The JavaScript truncated to whole pixels (parseInt); sub-pixel positions align better.
            points[i] = new Point2f((output[2 * i] * rect.Width) + rect.X, (output[(2 * i) + 1] * rect.Height) + rect.Y);
        }
        return new FaceLandmarks(points);
    }
}
