using OpenCvSharp;

namespace EKyc.Biometrics.Detection;

/// <summary>An axis-aligned box in image pixels, corners (X1, Y1) top-left and (X2, Y2) bottom-right.</summary>
public readonly record struct FaceBox(float X1, float Y1, float X2, float Y2)
{
    public float Width => X2 - X1;

    public float Height => Y2 - Y1;

    public float Area => Math.Max(0, Width) * Math.Max(0, Height);

    public float CenterX => (X1 + X2) / 2;

    public float CenterY => (Y1 + Y2) / 2;

    /// <summary>Intersection over union; 0 for disjoint or empty boxes.</summary>
    public float IoU(FaceBox other)
    {
        var w = Math.Min(X2, other.X2) - Math.Max(X1, other.X1);
        var h = Math.Min(Y2, other.Y2) - Math.Max(Y1, other.Y1);
        if (w <= 0 || h <= 0) return 0;
        var intersection = w * h;
        var union = Area + other.Area - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /// <summary>
    /// A square of side = height around the same centre, clipped to the image: what the faceplugin
    /// <c>scaleResult()</c> does, and what the landmark, liveness and pose models were fed in the JavaScript.
    /// </summary>
    public FaceBox ToSquare(int imageWidth, int imageHeight)
    {
        var half = Height / 2;
        return new FaceBox(
            Math.Max(0, CenterX - half),
            Math.Max(0, CenterY - half),
            Math.Min(imageWidth - 1, CenterX + half),
            Math.Min(imageHeight - 1, CenterY + half));
    }

    /// <summary>Integer rectangle with the JavaScript's truncation (parseInt) of each corner.</summary>
    public Rect ToRect() => new((int)X1, (int)Y1, (int)X2 - (int)X1, (int)Y2 - (int)Y1);
}
