using OpenCvSharp;

namespace EKyc.Biometrics.Alignment;

/// <summary>
/// Least-squares 2-D similarity (rotation, uniform scale, translation; no shear, no reflection) mapping source points
/// onto destination points: the closed form of Umeyama's method in two dimensions. A similarity, unlike the
/// JavaScript's three-point <c>getAffineTransform</c>, uses all five points and cannot shear the face when one
/// landmark is off.
/// </summary>
public static class SimilarityTransform
{
    /// <returns>Row-major 2×3 matrix [a, −b, tx, b, a, ty] with (u, v) = (a·x − b·y + tx, b·x + a·y + ty).</returns>
    public static double[] Estimate(IReadOnlyList<Point2f> source, IReadOnlyList<Point2f> destination)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(destination);
        if (source.Count != destination.Count || source.Count < 2)
        {
            throw new ArgumentException("need at least two corresponding point pairs");
        }
        int n = source.Count;
        double sx = 0, sy = 0, dx = 0, dy = 0;
        for (var i = 0; i < n; i++)
        {
            sx += source[i].X; sy += source[i].Y; dx += destination[i].X; dy += destination[i].Y;
        }
        sx /= n; sy /= n; dx /= n; dy /= n;

        // Centre both sets; then a = Σ(x·u + y·v)/Σ(x²+y²), b = Σ(x·v − y·u)/Σ(x²+y²).
        double num1 = 0, num2 = 0, den = 0;
        for (var i = 0; i < n; i++)
        {
            double x = source[i].X - sx, y = source[i].Y - sy;
            double u = destination[i].X - dx, v = destination[i].Y - dy;
            num1 += (x * u) + (y * v);
            num2 += (x * v) - (y * u);
            den += (x * x) + (y * y);
        }
        if (den < 1e-12) throw new ArgumentException("source points coincide: no transform is defined", nameof(source));
        var a = num1 / den;
        var b = num2 / den;
        var tx = dx - ((a * sx) - (b * sy));
        var ty = dy - ((b * sx) + (a * sy));
        return [a, -b, tx, b, a, ty];
    }

    public static Point2f Apply(double[] m, Point2f p)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new Point2f((float)((m[0] * p.X) + (m[1] * p.Y) + m[2]), (float)((m[3] * p.X) + (m[4] * p.Y) + m[5]));
    }
}
