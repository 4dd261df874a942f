using OpenCvSharp;

namespace EKyc.Biometrics.Alignment;

/// <summary>Warps a face onto the 112×112 template the embedding model was trained on.</summary>
public static class FaceAligner
{
    public const int Size = 112;

    /// <summary>
    /// Template positions of eye, eye, nose tip, mouth corner, mouth corner in the 112×112 crop
    /// (<c>REFERENCE_FACIAL_POINTS</c> in lib/fr_feature.js, the usual ArcFace/InsightFace 112×112 template).
    /// </summary>
    public static IReadOnlyList<Point2f> ReferencePoints { get; } =
    [
        new(38.29459953f, 51.69630051f),
        new(73.53179932f, 51.50139999f),
        new(56.02519989f, 71.73660278f),
        new(41.54930115f, 92.3655014f),
        new(70.72990036f, 92.20410156f),
    ];

    /// <returns>A new 112×112 BGR image; the caller disposes it.</returns>
    public static Mat Align(Mat bgr, IReadOnlyList<Point2f> fivePoints)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var m = SimilarityTransform.Estimate(fivePoints, ReferencePoints);
        using var matrix = Mat.FromPixelData(2, 3, MatType.CV_64FC1, m);
        var aligned = new Mat();
        Cv2.WarpAffine(bgr, aligned, matrix, new Size(Size, Size), InterpolationFlags.Linear, BorderTypes.Constant, Scalar.All(0));
        return aligned;
    }
}
