using EKyc.Biometrics.Alignment;
using OpenCvSharp;

namespace EKyc.Biometrics.Tests;

public class AlignmentTests
{
    [Fact]
    public void A_known_similarity_is_recovered_exactly_from_five_points()
    {
        // Rotate by 30°, scale by 2.5, translate by (40, −7).
        double angle = Math.PI / 6, scale = 2.5, tx = 40, ty = -7;
        var source = FaceAligner.ReferencePoints;
        var destination = source.Select(p => new Point2f(
            (float)((scale * ((Math.Cos(angle) * p.X) - (Math.Sin(angle) * p.Y))) + tx),
            (float)((scale * ((Math.Sin(angle) * p.X) + (Math.Cos(angle) * p.Y))) + ty))).ToList();

        var m = SimilarityTransform.Estimate(source, destination);

        Assert.Equal(scale * Math.Cos(angle), m[0], 4);
        Assert.Equal(-scale * Math.Sin(angle), m[1], 4);
        Assert.Equal(tx, m[2], 3);
        Assert.Equal(scale * Math.Sin(angle), m[3], 4);
        Assert.Equal(scale * Math.Cos(angle), m[4], 4);
        Assert.Equal(ty, m[5], 3);
    }

    [Fact]
    public void Landmarks_already_on_the_template_give_the_identity()
    {
        var m = SimilarityTransform.Estimate(FaceAligner.ReferencePoints, FaceAligner.ReferencePoints);
        double[] identity = [1, 0, 0, 0, 1, 0];
        for (var i = 0; i < 6; i++) Assert.Equal(identity[i], m[i], 6);
    }

    [Fact]
    public void A_mirrored_face_is_not_reflected_into_place()
    {
        // Swap left/right (x → 112 − x): a similarity cannot reflect, so the fit leaves a large residual instead of
        // silently mirroring the face (which the JavaScript's 3-point affine would do).
        var mirrored = FaceAligner.ReferencePoints.Select(p => new Point2f(112 - p.X, p.Y)).ToList();
        var m = SimilarityTransform.Estimate(mirrored, FaceAligner.ReferencePoints);
        var determinant = (m[0] * m[4]) - (m[1] * m[3]);
        Assert.True(determinant >= 0, $"a similarity has a non-negative determinant, got {determinant}");
        var residual = mirrored.Zip(FaceAligner.ReferencePoints, (s, d) => SimilarityTransform.Apply(m, s) - d).Max(v => Math.Abs(v.X));
        Assert.True(residual > 10, $"expected a poor fit for a mirror image, max x residual {residual}");
    }

    [Fact]
    public void Coincident_source_points_are_rejected()
    {
        var same = Enumerable.Repeat(new Point2f(5, 5), 5).ToList();
        Assert.Throws<ArgumentException>(() => SimilarityTransform.Estimate(same, FaceAligner.ReferencePoints));
    }

    [Fact]
    public void Five_points_come_from_the_eyelids_nose_tip_and_mouth_corners()
    {
        var points = Enumerable.Range(0, 68).Select(i => new Point2f(i, 1000 + i)).ToArray();
        var five = new FaceLandmarks(points).FivePoints();
        Assert.Equal(new Point2f(39, 1039), five[0]); // mean of 37, 38, 40, 41
        Assert.Equal(new Point2f(45, 1045), five[1]); // mean of 43, 44, 46, 47
        Assert.Equal(new Point2f(30, 1030), five[2]);
        Assert.Equal(new Point2f(54, 1054), five[3]); // mean of 48, 60
        Assert.Equal(new Point2f(59, 1059), five[4]); // mean of 54, 64
    }

    [Fact]
    public void The_warp_puts_the_eyes_on_the_template()
    {
        // A synthetic image with a bright dot where each of the five points is, after a known similarity.
        var m = new[] { 2.0, -0.5, 30, 0.5, 2.0, 10 };
        var placed = FaceAligner.ReferencePoints.Select(p => SimilarityTransform.Apply(m, p)).ToList();
        using var image = new Mat(400, 400, MatType.CV_8UC3, Scalar.All(0));
        foreach (var p in placed) Cv2.Circle(image, (int)Math.Round(p.X), (int)Math.Round(p.Y), 4, Scalar.All(255), -1);

        using var aligned = FaceAligner.Align(image, placed);

        Assert.Equal(FaceAligner.Size, aligned.Width);
        foreach (var r in FaceAligner.ReferencePoints)
        {
            Assert.True(aligned.At<Vec3b>((int)Math.Round(r.Y), (int)Math.Round(r.X)).Item0 > 200, $"no dot at template point {r}");
        }
    }
}
