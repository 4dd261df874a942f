using OpenCvSharp;

namespace EKyc.Documents.Mrz;

/// <summary>
/// Cuts an MRZ line into its character cells. OCR-B in an MRZ is monospaced, so the glyphs' centres lie on a line
/// x = a + b·(i + ½): the connected components of the ink are assigned to cells and the pitch refitted a few times
/// by least squares, which absorbs a crop margin of any size and a slight scale change.
/// </summary>
public static class MrzGlyphCells
{
    private const int FitRounds = 3;

    /// <summary>Each cell's ink box (null where the cell holds no ink), or null when the line is not one of <paramref name="count"/> glyphs.</summary>
    /// <param name="lineGray">The upright grey line crop, dark print on a light ground.</param>
    /// <param name="count">The line's number of characters (30, 36 or 44).</param>
    public static Rect?[]? Locate(Mat lineGray, int count)
    {
        ArgumentNullException.ThrowIfNull(lineGray);
        if (count < 2 || lineGray.Empty()) return null;
        var glyphs = Components(lineGray, count);
        if (glyphs.Count < count / 3) return null;

        double left = glyphs.Min(g => g.X), right = glyphs.Max(g => g.Right);
        double pitch = (right - left) / count, origin = left;
        for (var round = 0; round < FitRounds; round++)
        {
            // Cell i's centre is at i + ½ pitches from the origin.
            var points = glyphs.Select(g => (Index: Cell(g, origin, pitch), X: g.X + g.Width / 2.0))
                .Where(p => p.Index >= 0 && p.Index < count)
                .Select(p => (Cell: p.Index + 0.5, p.X))
                .ToList();
            if (points.Count < 4) return null;
            double mc = points.Average(p => p.Cell), mx = points.Average(p => p.X);
            double sxy = points.Sum(p => (p.Cell - mc) * (p.X - mx)), sxx = points.Sum(p => (p.Cell - mc) * (p.Cell - mc));
            if (sxx <= 0 || sxy <= 0) return null;
            pitch = sxy / sxx;
            origin = mx - pitch * mc;
        }

        var cells = new Rect?[count];
        foreach (var g in glyphs)
        {
            var i = Cell(g, origin, pitch);
            if (i < 0 || i >= count) continue;
            // A glyph broken in two by thresholding (a thin stroke) is one cell: its parts are joined.
            cells[i] = cells[i] is { } seen ? seen.Union(g) : g;
        }
        return cells;
    }

    private static int Cell(Rect glyph, double origin, double pitch) => (int)Math.Floor((glyph.X + glyph.Width / 2.0 - origin) / pitch);

    // Ink components about as tall as the line's glyphs: specks, guilloche fragments and merged smears left out.
    private static List<Rect> Components(Mat lineGray, int count)
    {
        using var ink = new Mat();
        Cv2.Threshold(lineGray, ink, 0, 255, ThresholdTypes.BinaryInv | ThresholdTypes.Otsu);
        using var labels = new Mat();
        using var stats = new Mat();
        using var centroids = new Mat();
        var n = Cv2.ConnectedComponentsWithStats(ink, labels, stats, centroids, PixelConnectivity.Connectivity8);
        var boxes = new List<Rect>(n);
        for (var k = 1; k < n; k++)
        {
            boxes.Add(new Rect(stats.At<int>(k, 0), stats.At<int>(k, 1), stats.At<int>(k, 2), stats.At<int>(k, 3)));
        }
        if (boxes.Count == 0) return boxes;
        // The glyph height: a quarter of the line's characters down the tallest, so a few tall smears do not set it.
        var heights = boxes.Select(b => b.Height).OrderByDescending(h => h).ToList();
        var glyph = heights[Math.Min(heights.Count - 1, count / 4)];
        return boxes.Where(b => b.Height >= 0.5 * glyph && b.Height <= 1.6 * glyph && b.Width <= 2.0 * glyph).ToList();
    }
}
