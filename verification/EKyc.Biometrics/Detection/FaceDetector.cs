using EKyc.Biometrics.Models;
using OpenCvSharp;

namespace EKyc.Biometrics.Detection;

/// <summary>
/// fr_detect.onnx: a 320×240 RetinaFace-style detector (port of lib/fr_detect.js). Its <c>boxes</c> output is already
/// decoded to normalised corners (x1, y1, x2, y2; values span about −0.25..1.25 over the 4420 candidates): the
/// JavaScript builds anchors and decodes with them, then discards that and scales the raw output, which is what puts
/// boxes on faces. <c>scores</c> is [background, face]. The 320×240 input misses small faces in group photos.
/// </summary>
public sealed class FaceDetector(FaceModels models, FaceDetectorOptions options)
{
    public const int InputWidth = 320;
    public const int InputHeight = 240;

    /// <summary>
    /// BGR: opencv.js <c>imread</c> gives RGBA, and the JavaScript's <c>COLOR_BGR2RGB</c> on that swaps it to BGR, so
    /// the model was in effect fed BGR. (On ../shared/data/faces the order changes one detection in 61 images.)
    /// </summary>
    public const ChannelOrder InputOrder = ChannelOrder.Bgr;

    /// <returns>Faces most confident first, boxes squared and clipped to the image.</returns>
    public IReadOnlyList<DetectedFace> Detect(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(InputWidth, InputHeight));
        // (p − 127) / 128, as preprocessDetection().
        var input = TensorPacking.ToChw(resized, InputOrder, 1f / 128, -127f / 128);
        var outputs = OnnxInference.Run(models.Detector, input, [1, 3, InputHeight, InputWidth]);
        return Decode(outputs["boxes"], outputs["scores"], bgr.Width, bgr.Height, options);
    }

    /// <summary>Threshold, top-k, NMS and squaring of raw detector outputs; pure, so it is unit-tested directly.</summary>
    public static IReadOnlyList<DetectedFace> Decode(float[] boxes, float[] scores, int imageWidth, int imageHeight, FaceDetectorOptions options)
    {
        ArgumentNullException.ThrowIfNull(boxes);
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(options);
        var count = scores.Length / 2;
        var candidates = new List<(FaceBox Box, float Score)>();
        for (var i = 0; i < count; i++)
        {
            var score = scores[(2 * i) + 1];
            if (score < options.ScoreThreshold) continue;
            candidates.Add((new FaceBox(
                boxes[4 * i] * imageWidth,
                boxes[(4 * i) + 1] * imageHeight,
                boxes[(4 * i) + 2] * imageWidth,
                boxes[(4 * i) + 3] * imageHeight), score));
        }
        var top = candidates.OrderByDescending(c => c.Score).Take(options.TopK).ToList();
        var kept = Nms.Suppress(top.Select(c => c.Box).ToList(), top.Select(c => c.Score).ToList(), options.NmsIouThreshold);
        return kept.Select(i => new DetectedFace(top[i].Box.ToSquare(imageWidth, imageHeight), top[i].Score)).ToList();
    }
}
