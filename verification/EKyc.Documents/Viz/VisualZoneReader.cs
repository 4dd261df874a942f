using EKyc.Documents.Ocr;
using OpenCvSharp;

namespace EKyc.Documents.Viz;

/// <summary>
/// Reads the printed text of a document side: PP-OCRv4 detection finds the lines, the recogniser's general-text mode
/// reads each. On the MRZ side only the part above the MRZ band is read (turned the way the MRZ was found upright),
/// so the machine zone never stands in for the printed one.
/// </summary>
public sealed class VisualZoneReader(PaddleTextDetector detector, PaddleRecognizer recognizer)
{
    public string Engine => $"{PaddleTextDetector.Name}+{recognizer.Name}";

    /// <summary>The lines above the MRZ band, which <paramref name="mrzRegion"/> locates in the image turned by <paramref name="rotation"/>.</summary>
    public IReadOnlyList<VizLine> ReadAbove(Mat document, Rect mrzRegion, RotateFlags? rotation)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var turned = rotation is { } flag ? Turn(document, flag) : null;
        var upright = turned ?? document;
        var top = Math.Clamp(mrzRegion.Top, 0, upright.Height);
        if (top < 16) return [];
        using var zone = new Mat(upright, new Rect(0, 0, upright.Width, top));
        return Read(zone);
    }

    /// <summary>Every line of a side that carries no MRZ (the front of a card whose MRZ is on the back).</summary>
    public IReadOnlyList<VizLine> Read(Mat side)
    {
        ArgumentNullException.ThrowIfNull(side);
        // A box no longer than it is high is a lone glyph or a mark: too little to compare, and time to read.
        var boxes = detector.Detect(side).Where(b => b.Box.Size.Width >= 1.5 * b.Box.Size.Height && b.Box.Size.Height >= 6).ToList();
        var lines = new List<VizLine>(boxes.Count);
        foreach (var box in boxes)
        {
            using var crop = PaddleTextDetector.CropGray(side, box.Box);
            var read = recognizer.RecognizeText(crop);
            if (read.Text.Length > 0) lines.Add(new VizLine(read.Text, read.Confidence, box.Box.BoundingRect()));
        }
        return lines;
    }

    private static Mat Turn(Mat source, RotateFlags flag)
    {
        var result = new Mat();
        Cv2.Rotate(source, result, flag);
        return result;
    }
}
