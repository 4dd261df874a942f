using OpenCvSharp;

namespace EKyc.Biometrics.Alignment;

/// <summary>
/// The 68 iBUG/300-W points (jaw 0–16, brows 17–26, nose 27–35, eyes 36–41 and 42–47, mouth 48–67) in image pixels.
/// "First eye" is the one on the image's left (the subject's right eye in a non-mirrored photo).
/// </summary>
public sealed class FaceLandmarks
{
    public const int Count = 68;

    public FaceLandmarks(IReadOnlyList<Point2f> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count != Count) throw new ArgumentException($"expected {Count} points, got {points.Count}", nameof(points));
        Points = points;
    }

    public IReadOnlyList<Point2f> Points { get; }

    /// <summary>Mean of the four eyelid points 37, 38, 40, 41 (as <c>convert68pts5pts()</c>).</summary>
    public Point2f FirstEyeCenter => Mean(37, 38, 40, 41);

    /// <summary>Mean of the eyelid points 43, 44, 46, 47.</summary>
    public Point2f SecondEyeCenter => Mean(43, 44, 46, 47);

    /// <summary>Corner-to-corner width of the first eye (points 36→39).</summary>
    public float FirstEyeWidth => Points[39].X - Points[36].X;

    /// <summary>Corner-to-corner width of the second eye (points 42→45).</summary>
    public float SecondEyeWidth => Points[45].X - Points[42].X;

    /// <summary>
    /// The five points the embedding alignment uses, in the order of the reference points: eye, eye, nose tip (30),
    /// mouth corner (mean of 48 and 60), mouth corner (mean of 54 and 64).
    /// </summary>
    public Point2f[] FivePoints() =>
    [
        FirstEyeCenter,
        SecondEyeCenter,
        Points[30],
        Mean(48, 60),
        Mean(54, 64),
    ];

    private Point2f Mean(params int[] indices)
    {
        float x = 0, y = 0;
        foreach (var i in indices)
        {
            x += Points[i].X;
            y += Points[i].Y;
        }
        return new Point2f(x / indices.Length, y / indices.Length);
    }
}
