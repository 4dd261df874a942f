using OpenCvSharp;

namespace EKyc.Documents.Synthetic;

/// <summary>
/// How hard a synthetic capture is: the upper bound of each degradation; each document draws its own amounts below
/// them from its seed. <see cref="Realistic"/> is what a phone capture that passes the capture-quality guidance still
/// looks like; <see cref="None"/> leaves the flat print (scaled and saved as JPEG only).
/// </summary>
public sealed record CaptureDegradation
{
    /// <summary>In-plane rotation, degrees either way.</summary>
    public double MaxRotationDegrees { get; init; }

    /// <summary>Share of documents turned a quarter or half turn (a card photographed sideways or upside down).</summary>
    public double QuarterTurnShare { get; init; }

    /// <summary>Corner displacement of the perspective, as a share of the card's width.</summary>
    public double MaxPerspective { get; init; }

    /// <summary>Gaussian blur σ in pixels of the final image.</summary>
    public double MaxBlurSigma { get; init; }

    /// <summary>Gaussian sensor noise σ in grey levels.</summary>
    public double MaxNoiseSigma { get; init; }

    /// <summary>Share of documents with a glare spot, and its strongest brightening (share of the remaining headroom).</summary>
    public double GlareShare { get; init; }

    public double MaxGlare { get; init; }

    /// <summary>The card's width in the final image, in pixels (the capture's resolution).</summary>
    public int MinCardWidth { get; init; } = 1000;

    public int MaxCardWidth { get; init; } = 1000;

    /// <summary>The lowest JPEG quality the capture is saved with.</summary>
    public int MinJpegQuality { get; init; } = 90;

    /// <summary>Uneven light: the strongest darkening across the card (share).</summary>
    public double MaxShading { get; init; }

    public static CaptureDegradation None { get; } = new();

    public static CaptureDegradation Realistic { get; } = new()
    {
        MaxRotationDegrees = 8,
        QuarterTurnShare = 0.1,
        MaxPerspective = 0.05,
        MaxBlurSigma = 1.2,
        MaxNoiseSigma = 6,
        GlareShare = 0.4,
        MaxGlare = 0.55,
        MinCardWidth = 700,
        MaxCardWidth = 1400,
        MinJpegQuality = 55,
        MaxShading = 0.35,
    };

    /// <summary>Photographs <paramref name="card"/> (BGR, flat) as this profile allows; the result is owned by the caller.</summary>
    public Mat Apply(Mat card, Random rng)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(rng);
        double Between(double low, double high) => low + (high - low) * rng.NextDouble();
        // OpenCV's noise comes from its own (per-thread) generator: seed it from the document's, or two runs differ.
        Cv2.SetTheRNG((ulong)rng.NextInt64(1, long.MaxValue));

        // The final scale first, so blur and noise are in the final image's pixels.
        var cardWidth = rng.Next(MinCardWidth, MaxCardWidth + 1);
        var scale = cardWidth / (double)card.Width;
        int w = cardWidth, h = (int)Math.Round(card.Height * scale);
        int marginX = (int)(w * Between(0.06, 0.2)), marginY = (int)(h * Between(0.06, 0.2));
        var canvasSize = new Size(w + 2 * marginX, h + 2 * marginY);

        // Where the card's corners land: rotated about the centre, each corner pushed by the perspective.
        var angle = Between(-MaxRotationDegrees, MaxRotationDegrees) * Math.PI / 180;
        var centre = new Point2d(canvasSize.Width / 2.0, canvasSize.Height / 2.0);
        Point2f Corner(double x, double y)
        {
            var jx = Between(-MaxPerspective, MaxPerspective) * w;
            var jy = Between(-MaxPerspective, MaxPerspective) * w;
            var dx = x - w / 2.0 + jx;
            var dy = y - h / 2.0 + jy;
            return new Point2f((float)(centre.X + dx * Math.Cos(angle) - dy * Math.Sin(angle)), (float)(centre.Y + dx * Math.Sin(angle) + dy * Math.Cos(angle)));
        }
        Point2f[] source = [new(0, 0), new(card.Width, 0), new(card.Width, card.Height), new(0, card.Height)];
        Point2f[] target = [Corner(0, 0), Corner(w, 0), Corner(w, h), Corner(0, h)];

        // Fit the warped card in the canvas even when rotation and perspective push a corner out.
        var minX = target.Min(p => p.X);
        var minY = target.Min(p => p.Y);
        var maxX = target.Max(p => p.X);
        var maxY = target.Max(p => p.Y);
        var shift = new Point2f(Math.Min(0, minX - 8) * -1 + Math.Min(0, canvasSize.Width - 8 - maxX), Math.Min(0, minY - 8) * -1 + Math.Min(0, canvasSize.Height - 8 - maxY));
        canvasSize = new Size((int)Math.Max(canvasSize.Width, maxX - minX + 16), (int)Math.Max(canvasSize.Height, maxY - minY + 16));
        target = target.Select(p => new Point2f(p.X + shift.X, p.Y + shift.Y)).ToArray();

        var desk = Scalar.FromRgb(rng.Next(40, 200), rng.Next(40, 200), rng.Next(40, 200));
        var photo = new Mat(canvasSize, MatType.CV_8UC3, desk);
        using (var texture = new Mat(canvasSize, MatType.CV_8UC3))
        {
            Cv2.Randn(texture, Scalar.All(0), Scalar.All(12));
            Cv2.GaussianBlur(texture, texture, new Size(0, 0), 3);
            Cv2.Add(photo, texture, photo);
        }
        using (var transform = Cv2.GetPerspectiveTransform(source, target))
        {
            using var smoothed = new Mat();
            // Area-average first when shrinking a lot, as a camera's optics would, so the warp does not alias.
            if (scale < 0.7) Cv2.GaussianBlur(card, smoothed, new Size(0, 0), 0.45 / scale);
            else card.CopyTo(smoothed);
            Cv2.WarpPerspective(smoothed, photo, transform, canvasSize, InterpolationFlags.Area, BorderTypes.Transparent);
        }

        Shade(photo, Between(0, MaxShading), rng);
        if (rng.NextDouble() < GlareShare) Glare(photo, target, Between(0.2, 1) * MaxGlare, rng);
        var sigma = Between(0, MaxBlurSigma);
        if (sigma > 0.2) Cv2.GaussianBlur(photo, photo, new Size(0, 0), sigma);
        var noise = Between(0, MaxNoiseSigma);
        if (noise > 0.5)
        {
            using var n = new Mat(photo.Size(), MatType.CV_16SC3);
            Cv2.Randn(n, Scalar.All(0), Scalar.All(noise));
            using var wide = new Mat();
            photo.ConvertTo(wide, MatType.CV_16SC3);
            Cv2.Add(wide, n, wide);
            wide.ConvertTo(photo, MatType.CV_8UC3);
        }

        if (rng.NextDouble() < QuarterTurnShare)
        {
            var turn = new[] { RotateFlags.Rotate90Clockwise, RotateFlags.Rotate180, RotateFlags.Rotate90Counterclockwise }[rng.Next(3)];
            Cv2.Rotate(photo, photo, turn);
        }

        var quality = rng.Next(MinJpegQuality, Math.Max(MinJpegQuality, 95) + 1);
        Cv2.ImEncode(".jpg", photo, out var jpeg, new ImageEncodingParam(ImwriteFlags.JpegQuality, quality));
        photo.Dispose();
        return Cv2.ImDecode(jpeg, ImreadModes.Color);
    }

    // Light falling off across the card in a random direction.
    private static void Shade(Mat photo, double strength, Random rng)
    {
        if (strength < 0.02) return;
        var direction = rng.NextDouble() * Math.PI * 2;
        int width = photo.Width, height = photo.Height;
        var (cx, cy) = (Math.Cos(direction), Math.Sin(direction));
        var span = Math.Abs(cx) * width + Math.Abs(cy) * height;
        var values = new float[width * height];
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var t = ((x - width / 2.0) * cx + (y - height / 2.0) * cy) / span + 0.5;
                values[y * width + x] = (float)(1 - strength * Math.Clamp(t, 0, 1));
            }
        }
        using var ramp = new Mat(height, width, MatType.CV_32FC1);
        ramp.SetArray(values);
        using var gain = new Mat();
        Cv2.Merge([ramp, ramp, ramp], gain);
        using var wide = new Mat();
        photo.ConvertTo(wide, MatType.CV_32FC3);
        Cv2.Multiply(wide, gain, wide);
        wide.ConvertTo(photo, MatType.CV_8UC3);
    }

    // A soft specular spot somewhere on the card: brightens towards white without erasing the print under it.
    private static void Glare(Mat photo, Point2f[] card, double strength, Random rng)
    {
        var t = rng.NextDouble();
        var u = rng.NextDouble();
        var top = new Point2f(card[0].X + (card[1].X - card[0].X) * (float)t, card[0].Y + (card[1].Y - card[0].Y) * (float)t);
        var bottom = new Point2f(card[3].X + (card[2].X - card[3].X) * (float)t, card[3].Y + (card[2].Y - card[3].Y) * (float)t);
        var centre = new Point2f(top.X + (bottom.X - top.X) * (float)u, top.Y + (bottom.Y - top.Y) * (float)u);
        var radius = (float)(Math.Abs(card[1].X - card[0].X) * (0.06 + 0.12 * rng.NextDouble()));
        using var spot = new Mat(photo.Size(), MatType.CV_32FC1, Scalar.All(0));
        Cv2.Circle(spot, new Point((int)centre.X, (int)centre.Y), (int)radius, Scalar.All(strength), -1);
        Cv2.GaussianBlur(spot, spot, new Size(0, 0), radius * 0.6);
        using var alpha = new Mat();
        Cv2.Merge([spot, spot, spot], alpha);
        using var wide = new Mat();
        photo.ConvertTo(wide, MatType.CV_32FC3);
        using var headroom = new Mat();
        Cv2.Subtract(new Scalar(255, 255, 255), wide, headroom);
        Cv2.Multiply(headroom, alpha, headroom);
        Cv2.Add(wide, headroom, wide);
        wide.ConvertTo(photo, MatType.CV_8UC3);
    }
}
