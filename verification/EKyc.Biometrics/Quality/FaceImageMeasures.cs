using EKyc.Biometrics.Detection;
using OpenCvSharp;

namespace EKyc.Biometrics.Quality;

/// <summary>Sharpness and brightness of a face crop.</summary>
/// <param name="Sharpness">Variance of the Laplacian of the face resized to <see cref="FaceImageMeasure.Size"/>².</param>
/// <param name="Brightness">Mean grey level of the face crop, 0–255.</param>
public readonly record struct FaceImageMeasures(double Sharpness, double Brightness);

public static class FaceImageMeasure
{
    /// <summary>
    /// Side the face is resized to before measuring. The variance of the Laplacian grows with the number of pixels
    /// across a face, so measuring at one fixed size makes a 2000-pixel portrait and a 200-pixel selfie comparable.
    /// </summary>
    public const int Size = 128;

    public static FaceImageMeasures Measure(Mat bgr, FaceBox box)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        var rect = CropGeometry.Clip(box.ToRect(), bgr.Width, bgr.Height);
        using var crop = new Mat(bgr, rect);
        using var gray = new Mat();
        Cv2.CvtColor(crop, gray, ColorConversionCodes.BGR2GRAY);
        using var resized = new Mat();
        // Area averaging when shrinking (no aliasing that would fake sharpness), linear when enlarging.
        var interpolation = rect.Height > Size ? InterpolationFlags.Area : InterpolationFlags.Linear;
        Cv2.Resize(gray, resized, new OpenCvSharp.Size(Size, Size), 0, 0, interpolation);
        using var laplacian = new Mat();
        Cv2.Laplacian(resized, laplacian, MatType.CV_64F);
        Cv2.MeanStdDev(laplacian, out _, out var std);
        var brightness = Cv2.Mean(resized).Val0;
        return new FaceImageMeasures(std.Val0 * std.Val0, brightness);
    }
}
