using OpenCvSharp;

namespace EKyc.Documents.Quality;

/// <summary>
/// Finds the document's outline in a photo — the largest convex four-cornered contour covering a real share of the
/// frame — and warps it flat. On a tight scan there is no outline to find: the caller then treats the whole image as
/// the document.
/// </summary>
public static class DocumentBoundary
{
    private const int WorkWidth = 640;

    public static Point2f[]? FindCorners(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var scale = WorkWidth / (double)bgr.Width;
        using var small = new Mat();
        Cv2.Resize(bgr, small, new Size(WorkWidth, Math.Max(1, (int)(bgr.Height * scale))), 0, 0, InterpolationFlags.Area);
        using var gray = new Mat();
        Cv2.CvtColor(small, gray, ColorConversionCodes.BGR2GRAY);
        Cv2.GaussianBlur(gray, gray, new Size(5, 5), 0);
        using var edges = new Mat();
        Cv2.Canny(gray, edges, 40, 120);
        using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(5, 5)))
            Cv2.Dilate(edges, edges, k);
        Cv2.FindContours(edges, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);

        var imageArea = (double)small.Width * small.Height;
        Point[]? best = null;
        var bestArea = 0.0;
        foreach (var contour in contours)
        {
            var hull = Cv2.ConvexHull(contour);
            var approx = Cv2.ApproxPolyDP(hull, 0.02 * Cv2.ArcLength(hull, true), true);
            var area = Cv2.ContourArea(approx);
            // A contour hugging the whole frame is the image border, not a document edge.
            if (approx.Length != 4 || area < 0.08 * imageArea || area > 0.97 * imageArea || area <= bestArea) continue;
            // ID-1 cards are 1.59:1, passports and ID-2 1.42:1: a portrait box or a text panel is not the document.
            var box = Cv2.MinAreaRect(approx);
            var ratio = Math.Max(box.Size.Width, box.Size.Height) / Math.Max(1, Math.Min(box.Size.Width, box.Size.Height));
            if (ratio is < 1.2f or > 1.9f) continue;
            best = approx;
            bestArea = area;
        }
        return best?.Select(p => new Point2f((float)(p.X / scale), (float)(p.Y / scale))).ToArray();
    }

    /// <summary>Warps the quadrilateral to an upright rectangle of its own (average) side lengths.</summary>
    public static Mat Flatten(Mat bgr, Point2f[] corners)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        ArgumentNullException.ThrowIfNull(corners);
        var ordered = Order(corners);
        var width = (Distance(ordered[0], ordered[1]) + Distance(ordered[3], ordered[2])) / 2;
        var height = (Distance(ordered[0], ordered[3]) + Distance(ordered[1], ordered[2])) / 2;
        var target = new[] { new Point2f(0, 0), new Point2f((float)width - 1, 0), new Point2f((float)width - 1, (float)height - 1), new Point2f(0, (float)height - 1) };
        using var transform = Cv2.GetPerspectiveTransform(ordered, target);
        var flat = new Mat();
        Cv2.WarpPerspective(bgr, flat, transform, new Size((int)width, (int)height), InterpolationFlags.Cubic);
        return flat;
    }

    /// <summary>Top-left, top-right, bottom-right, bottom-left (by coordinate sums and differences).</summary>
    public static Point2f[] Order(Point2f[] p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var tl = p.MinBy(q => q.X + q.Y);
        var br = p.MaxBy(q => q.X + q.Y);
        var tr = p.MaxBy(q => q.X - q.Y);
        var bl = p.MinBy(q => q.X - q.Y);
        return [tl, tr, br, bl];
    }

    private static double Distance(Point2f a, Point2f b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
