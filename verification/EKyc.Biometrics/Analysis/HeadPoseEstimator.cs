using EKyc.Biometrics.Detection;
using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Analysis;

/// <summary>
/// fr_pose.onnx (port of lib/fr_pose.js; a HopeNet-style network): a face crop at 224×224, ImageNet mean/std; three
/// outputs of 66 bins of 3° each (yaw, pitch, roll), read as the softmax expectation × 3 − 99 degrees.
/// <para>
/// The crop is NOT the JavaScript's. It grew the box by a quarter on every side; with that crop the yaw hardly tracks
/// the head (correlation 0.12–0.38 with a solvePnP estimate from the 68 landmarks over 69 faces of
/// ../shared/data) and gives −49° to −62° on near-frontal faces (img59.jpg, image_T1.jpg): the "implausible −56°".
/// On the squared detector box itself yaw correlates 0.82 and roll 0.84 with the landmark estimate, and BGR and RGB
/// agree within a few degrees. Yaw comes out at roughly half the landmark estimate's magnitude (a clear turn of
/// ~40° reads ~20–30°), and frontal portraits read pitch −5° to −17°: thresholds must allow for both.
/// </para>
/// </summary>
public sealed class HeadPoseEstimator(FaceModels models)
{
    public const int InputSize = 224;
    /// <summary>Fraction of the box added on each side (JavaScript 0.25; 0 measured best, see above).</summary>
    public const float Margin = 0f;

    /// <summary>
    /// BGR, what the JavaScript in effect fed (opencv.js RGBA through BGR2RGB). On the tight crop the order changes
    /// yaw by a few degrees only; BGR correlated better with the landmark estimate (yaw 0.82 vs 0.53 for RGB).
    /// </summary>
    public const ChannelOrder InputOrder = ChannelOrder.Bgr;

    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Std = [0.229f, 0.224f, 0.225f];
    private static readonly float[] Scale = [.. Std.Select(s => 1f / (255f * s))];
    private static readonly float[] Offset = [.. Mean.Zip(Std, (m, s) => -m / s)];

    public HeadPose Estimate(Mat bgr, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var rect = CropGeometry.Expanded(box, Margin, bgr.Width, bgr.Height);
        using var crop = new Mat(bgr, rect);
        using var resized = new Mat();
        Cv2.Resize(crop, resized, new Size(InputSize, InputSize));
        var input = TensorPacking.ToChw(resized, InputOrder, Scale, Offset);
        var outputs = OnnxInference.Run(models.Pose, input, [1, 3, InputSize, InputSize]);
        var names = models.Pose.OutputNames; // "output", "617", "618": yaw, pitch, roll as in the JavaScript
        var modelYaw = Degrees(outputs[names[0]]);
        var modelPitch = Degrees(outputs[names[1]]);
        var modelRoll = Degrees(outputs[names[2]]);
        return FromModel(modelYaw, modelPitch, modelRoll);
    }

    /// <summary>Expected bin index × 3 − 99: the centre of 66 bins covering −99°..+99°.</summary>
    public static float Degrees(ReadOnlySpan<float> logits)
    {
        var p = OnnxInference.Softmax(logits);
        var expectation = 0f;
        for (var i = 0; i < p.Length; i++) expectation += p[i] * i;
        return (expectation * 3) - 99;
    }

    /// <summary>
    /// Model signs to this library's conventions (<see cref="HeadPose"/>), set by measurement against landmark
    /// geometry: the model's yaw is negative when the nose points to the image's right (the person's own left), so it
    /// is negated; its pitch falls as the nose tip drops towards the mouth (looking down) and its roll rises as the
    /// eye line turns clockwise, which already match.
    /// </summary>
    public static HeadPose FromModel(float yaw, float pitch, float roll) => new(-yaw, pitch, roll);
}
