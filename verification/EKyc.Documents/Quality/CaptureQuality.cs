using EKyc.Verification.Checks;
using OpenCvSharp;

namespace EKyc.Documents.Quality;

/// <summary>
/// Measures a document photo: outline (and so framing, corners, size), sharpness (variance of the Laplacian at a
/// fixed scale, so a large photo is not judged sharper for having more pixels), glare (saturated, colourless
/// highlight area) and exposure; each failure becomes a retryable reason with its instruction.
/// </summary>
public sealed class CaptureQuality(QualityOptions options)
{
    private const int MeasureWidth = 800;

    public QualityReport Assess(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var problems = new List<ReasonCode>();
        var corners = DocumentBoundary.FindCorners(bgr);
        Mat document;
        double areaFraction = 1;
        if (corners is not null)
        {
            areaFraction = Cv2.ContourArea(corners) / ((double)bgr.Width * bgr.Height);
            if (areaFraction < options.MinDocumentAreaFraction) problems.Add(QualityReasons.TooSmall);
            // One or two corners on the frame edge is a document pushed out of the frame; all four is a tight scan.
            if (corners.Count(c => NearEdge(c, bgr)) is 1 or 2) problems.Add(QualityReasons.CornersCut);
            document = DocumentBoundary.Flatten(bgr, corners);
        }
        else
        {
            document = bgr.Clone();
        }
        // Portrait-held ID cards come out taller than wide; documents are landscape.
        if (document.Height > document.Width * 1.1)
        {
            var turned = new Mat();
            Cv2.Rotate(document, turned, RotateFlags.Rotate90Clockwise);
            document.Dispose();
            document = turned;
        }
        if (document.Width < options.MinDocumentWidth) problems.Add(QualityReasons.LowResolution);

        var (sharpness, glare, luminance) = Measure(document);
        if (sharpness < options.MinSharpness) problems.Add(QualityReasons.Blurry);
        if (glare > options.MaxGlareFraction) problems.Add(QualityReasons.Glare);
        if (luminance < options.MinMeanLuminance) problems.Add(QualityReasons.TooDark);
        else if (luminance > options.MaxMeanLuminance) problems.Add(QualityReasons.TooBright);
        return new QualityReport(document, corners is not null, areaFraction, sharpness, glare, luminance, problems);
    }

    /// <summary>Sharpness, glare share and mean luminance of a document image at the measuring scale.</summary>
    public static (double Sharpness, double Glare, double Luminance) Measure(Mat document)
    {
        ArgumentNullException.ThrowIfNull(document);
        // Never enlarge: interpolation would smooth a small image and read as blur (its size is judged separately).
        var width = Math.Min(MeasureWidth, document.Width);
        using var scaled = new Mat();
        Cv2.Resize(document, scaled, new Size(width, Math.Max(1, (int)(document.Height * (width / (double)document.Width)))), 0, 0, InterpolationFlags.Area);
        using var gray = new Mat();
        Cv2.CvtColor(scaled, gray, ColorConversionCodes.BGR2GRAY);
        using var laplacian = new Mat();
        Cv2.Laplacian(gray, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        var sharpness = std.Val0 * std.Val0;

        // Glare is clipped highlight brighter than the document's own paper: on a white-background scan there is no
        // paper/highlight contrast and nothing counts as glare.
        var paper = Percentile(gray, 0.5);
        var floor = Math.Max(250, paper + 30);
        var glare = 0.0;
        if (floor <= 255)
        {
            using var highlight = new Mat();
            Cv2.Threshold(gray, highlight, floor - 1, 255, ThresholdTypes.Binary);
            // Isolated bright pixels (security print, white text) are not glare; glare is a blob.
            using (var k = Cv2.GetStructuringElement(MorphShapes.Ellipse, new Size(7, 7)))
                Cv2.MorphologyEx(highlight, highlight, MorphTypes.Open, k);
            glare = Cv2.CountNonZero(highlight) / (double)(highlight.Rows * highlight.Cols);
        }
        var luminance = Cv2.Mean(gray).Val0;
        return (sharpness, glare, luminance);
    }

    private static double Percentile(Mat gray, double p)
    {
        using var hist = new Mat();
        Cv2.CalcHist([gray], [0], null, hist, 1, [256], [new Rangef(0, 256)]);
        var total = gray.Rows * (double)gray.Cols;
        double seen = 0;
        for (var v = 0; v < 256; v++)
        {
            seen += hist.At<float>(v);
            if (seen >= p * total) return v;
        }
        return 255;
    }

    private bool NearEdge(Point2f c, Mat image)
    {
        var mx = image.Width * options.CornerMargin;
        var my = image.Height * options.CornerMargin;
        return c.X <= mx || c.Y <= my || c.X >= image.Width - 1 - mx || c.Y >= image.Height - 1 - my;
    }
}
