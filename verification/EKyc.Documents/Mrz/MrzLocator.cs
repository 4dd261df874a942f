using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Finds the MRZ band in a document image and cuts it into upright grey line crops. The band is the widest block of
/// dense, evenly spaced dark-on-light characters: a black-hat transform isolates dark strokes, a horizontal gradient
/// keeps text-like texture, and closing joins the characters (then the lines) into one block whose shape — wide,
/// flat, spanning most of the document — tells it apart from the visual zone. Works on an 800 px wide copy; the
/// crops come from the full-resolution image.
/// </summary>
public static class MrzLocator
{
    private const int WorkWidth = 800;

    public static MrzBand? Locate(Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        using var gray = new Mat();
        if (bgr.Channels() == 1) bgr.CopyTo(gray);
        else Cv2.CvtColor(bgr, gray, ColorConversionCodes.BGR2GRAY);
        var scale = WorkWidth / (double)gray.Width;
        using var small = new Mat();
        Cv2.Resize(gray, small, new Size(WorkWidth, Math.Max(1, (int)Math.Round(gray.Height * scale))), 0, 0, InterpolationFlags.Area);
        Cv2.GaussianBlur(small, small, new Size(3, 3), 0);

        using var blackhat = new Mat();
        using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(15, 6)))
            Cv2.MorphologyEx(small, blackhat, MorphTypes.BlackHat, k);
        using var grad = new Mat();
        Cv2.Sobel(blackhat, grad, MatType.CV_32F, 1, 0, -1);
        using var magnitude = Cv2.Abs(grad).ToMat();
        Cv2.Normalize(magnitude, magnitude, 0, 255, NormTypes.MinMax);
        using var grad8 = new Mat();
        magnitude.ConvertTo(grad8, MatType.CV_8U);

        using var mask = new Mat();
        using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(21, 5)))
            Cv2.MorphologyEx(grad8, mask, MorphTypes.Close, k);
        Cv2.Threshold(mask, mask, 0, 255, ThresholdTypes.Binary | ThresholdTypes.Otsu);
        using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(31, 25)))
            Cv2.MorphologyEx(mask, mask, MorphTypes.Close, k);
        Cv2.Erode(mask, mask, null, iterations: 3);

        var (shapes, bestIndex) = Candidates(mask);
        if (bestIndex is null)
        {
            // A thin rule — a card's edge, a frame around printed text — can join the band to the print around it
            // into one block of no useful shape (100_id-usa: the card's border links the MRZ to the text above).
            // Openings with a flat and a tall kernel cut such lines and keep the text blocks.
            using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(41, 1)))
                Cv2.MorphologyEx(mask, mask, MorphTypes.Open, k);
            using (var k = Cv2.GetStructuringElement(MorphShapes.Rect, new Size(1, 9)))
                Cv2.MorphologyEx(mask, mask, MorphTypes.Open, k);
            (shapes, bestIndex) = Candidates(mask);
        }
        if (bestIndex is not { } chosen) return null;
        var merged = MergeNeighbours(shapes, chosen);
        var (mw, mh, mangle) = Upright(merged);
        if (mw <= 1) return null;
        var band = new RotatedRect(merged.Center, new Size2f(mw, mh), mangle);

        // Back to full resolution, with margins so no character is clipped.
        var center = new Point2f((float)(band.Center.X / scale), (float)(band.Center.Y / scale));
        var size = new Size2f((float)(band.Size.Width / scale * 1.06), (float)(band.Size.Height / scale * 1.25 + 10 / scale));
        using var rotation = Cv2.GetRotationMatrix2D(center, band.Angle, 1.0);
        using var upright = new Mat();
        Cv2.WarpAffine(gray, upright, rotation, gray.Size(), InterpolationFlags.Cubic, BorderTypes.Replicate);
        var rect = new Rect((int)(center.X - size.Width / 2), (int)(center.Y - size.Height / 2), (int)size.Width, (int)size.Height)
            .Intersect(new Rect(0, 0, gray.Width, gray.Height));
        if (rect.Width < 20 || rect.Height < 10) return null;
        var crop = new Mat(upright, rect).Clone();
        var lines = SplitLines(crop);
        if (lines.Count == 1)
        {
            // An MRZ has at least two lines: the other one was joined to the print beside it. Look a few line
            // heights above and below for lines spanning the same columns.
            var reach = 3 * rect.Height;
            var wider = new Rect(rect.X, rect.Y - reach, rect.Width, rect.Height + 2 * reach).Intersect(new Rect(0, 0, gray.Width, gray.Height));
            using var around = new Mat(upright, wider);
            var found = SplitLines(around, sameColumnsAs: lines[0].Width);
            if (found.Count > 1)
            {
                foreach (var l in lines) l.Dispose();
                crop.Dispose();
                return new MrzBand(around.Clone(), wider, band.Angle, found);
            }
            foreach (var l in found) l.Dispose();
        }
        return new MrzBand(crop, rect, band.Angle, lines);
    }

    // The blocks of the mask and the one most like an MRZ band: wide, flat, spanning most of the width, low on the page.
    private static (List<(Point[] Contour, RotatedRect Box)> Shapes, int? Best) Candidates(Mat mask)
    {
        Cv2.FindContours(mask, out var contours, out _, RetrievalModes.External, ContourApproximationModes.ApproxSimple);
        var shapes = contours.Select(c => (Contour: c, Box: Cv2.MinAreaRect(c))).ToList();
        int? bestIndex = null;
        var bestScore = 0.0;
        for (var i = 0; i < shapes.Count; i++)
        {
            var (w, h, _) = Upright(shapes[i].Box);
            if (h < 4 || w / h < 4 || w / WorkWidth < 0.45) continue;
            // Prefer wide bands low on the page: the MRZ spans the document and sits at its foot.
            var score = w / WorkWidth + 0.25 * (shapes[i].Box.Center.Y / mask.Height);
            if (score > bestScore) { bestScore = score; bestIndex = i; }
        }
        return (shapes, bestIndex);
    }

    // Lines printed further apart than the closing bridges (some cards space them widely) come out as separate
    // blocks: a block as wide as the chosen one, level with it, overlapping it horizontally and within about two
    // line heights above or below joins it.
    private static RotatedRect MergeNeighbours(List<(Point[] Contour, RotatedRect Box)> shapes, int chosen)
    {
        var points = new List<Point>(shapes[chosen].Contour);
        var (w, h, angle) = Upright(shapes[chosen].Box);
        var bounds = Cv2.BoundingRect(shapes[chosen].Contour);
        var grown = true;
        while (grown)
        {
            grown = false;
            for (var i = 0; i < shapes.Count; i++)
            {
                if (i == chosen || points.Count == 0) continue;
                var (ow, oh, oangle) = Upright(shapes[i].Box);
                if (oh < 2 || ow / oh < 4 || ow < 0.6 * w || Math.Abs(oangle - angle) > 4) continue;
                var other = Cv2.BoundingRect(shapes[i].Contour);
                if (bounds.Contains(other.TopLeft) && bounds.Contains(other.BottomRight - new Point(1, 1))) continue;
                var overlap = Math.Min(bounds.Right, other.Right) - Math.Max(bounds.Left, other.Left);
                var gap = Math.Max(other.Top - bounds.Bottom, bounds.Top - other.Bottom);
                if (overlap < 0.6 * Math.Min(bounds.Width, other.Width) || gap > 2.2 * Math.Max(oh, h / 3)) continue;
                points.AddRange(shapes[i].Contour);
                bounds |= other;
                grown = true;
            }
        }
        return Cv2.MinAreaRect(points);
    }

    // An angle past ±45° means MinAreaRect listed the sides the other way round. After that, a band that is taller than wide is vertical text: the reader tries the rotated image for that.
    private static (double Width, double Height, float Angle) Upright(RotatedRect box)
    {
        double w = box.Size.Width, h = box.Size.Height;
        var angle = box.Angle;
        // OpenCV builds differ on the range ((0, 90] or [-90, 0)): fold either into (-45, 45].
        while (angle > 45)
        {
            (w, h) = (h, w);
            angle -= 90;
        }
        while (angle <= -45)
        {
            (w, h) = (h, w);
            angle += 90;
        }
        return Math.Abs(angle) > 20 || w < h ? (0, 1, 0) : (w, h, angle);
    }

    /// <summary>Cuts the band into text lines by the horizontal ink profile, each trimmed to its ink with a margin.</summary>
    /// <param name="bandGray">The upright grey band.</param>
    /// <param name="sameColumnsAs">When set, only lines whose ink is about this wide are kept (an MRZ's lines all span the same columns).</param>
    public static IReadOnlyList<Mat> SplitLines(Mat bandGray, int? sameColumnsAs = null)
    {
        ArgumentNullException.ThrowIfNull(bandGray);
        using var ink = new Mat();
        Cv2.Threshold(bandGray, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        int rows = ink.Rows, cols = ink.Cols;
        using var rowSums = new Mat();
        Cv2.Reduce(ink, rowSums, ReduceDimension.Column, ReduceTypes.Avg, MatType.CV_32F);
        var profile = new float[rows];
        for (var y = 0; y < rows; y++) profile[y] = rowSums.At<float>(y, 0);
        var peak = profile.Max();
        if (peak <= 0) return [];

        var bands = new List<(int Start, int End)>();
        var start = -1;
        for (var y = 0; y <= rows; y++)
        {
            var on = y < rows && profile[y] > peak * 0.2;
            if (on && start < 0) start = y;
            if (!on && start >= 0) { bands.Add((start, y)); start = -1; }
        }
        if (bands.Count == 0) return [];
        var tallest = bands.Max(b => b.End - b.Start);
        bands = bands.Where(b => b.End - b.Start >= tallest * 0.45).ToList();

        var lines = new List<Mat>();
        foreach (var (s, e) in bands)
        {
            var margin = Math.Max(2, (e - s) / 3);
            var y0 = Math.Max(0, s - margin);
            var y1 = Math.Min(rows, e + margin);
            using var strip = new Mat(ink, new Rect(0, y0, cols, y1 - y0));
            using var colSums = new Mat();
            Cv2.Reduce(strip, colSums, ReduceDimension.Row, ReduceTypes.Sum, MatType.CV_32F);
            int x0 = 0, x1 = cols - 1;
            while (x0 < cols && colSums.At<float>(0, x0) <= 0) x0++;
            while (x1 > x0 && colSums.At<float>(0, x1) <= 0) x1--;
            var pad = (e - s);
            var left = Math.Max(0, x0 - pad);
            var right = Math.Min(cols, x1 + pad);
            if (right - left < 10) continue;
            if (sameColumnsAs is { } expected && Math.Abs(right - left - expected) > 0.08 * expected) continue;
            lines.Add(new Mat(bandGray, new Rect(left, y0, right - left, y1 - y0)).Clone());
        }
        return lines;
    }
}

/// <summary>The located MRZ: the upright grey crop (owned), where it was, its tilt, and its lines (owned).</summary>
public sealed record MrzBand(Mat Crop, Rect Region, float AngleDegrees, IReadOnlyList<Mat> Lines) : IDisposable
{
    public void Dispose()
    {
        Crop.Dispose();
        foreach (var line in Lines) line.Dispose();
    }
}
