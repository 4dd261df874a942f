using System.Runtime.InteropServices;
using OpenCvSharp;

namespace EKyc.Biometrics.Models;

/// <summary>Channel order of a model's input tensor.</summary>
public enum ChannelOrder
{
    Bgr,
    Rgb,
}

/// <summary>
/// Packs an 8-bit OpenCV image (always BGR in this library, as OpenCV decodes) into a planar NCHW float tensor with a
/// per-channel affine map <c>value = pixel * scale[c] + offset[c]</c>, which covers every model's normalisation:
/// (p−127)/128, raw 0–255, p/255, and ImageNet mean/std.
/// </summary>
public static class TensorPacking
{
    public static float[] ToChw(Mat bgr, ChannelOrder order, ReadOnlySpan<float> scale, ReadOnlySpan<float> offset)
    {
        ArgumentNullException.ThrowIfNull(bgr);
        if (bgr.Type() != MatType.CV_8UC3) throw new ArgumentException($"expected an 8-bit BGR image, got {bgr.Type()}", nameof(bgr));
        var plane = bgr.Rows * bgr.Cols;
        var result = new float[3 * plane];
        var planes = Cv2.Split(bgr);
        try
        {
            for (var c = 0; c < 3; c++)
            {
                // planes are B, G, R: RGB output channel c reads plane 2−c.
                var source = planes[order == ChannelOrder.Bgr ? c : 2 - c];
                using var f = new Mat();
                source.ConvertTo(f, MatType.CV_32FC1, scale[c], offset[c]);
                Marshal.Copy(f.Data, result, c * plane, plane);
            }
        }
        finally
        {
            foreach (var p in planes) p.Dispose();
        }
        return result;
    }

    public static float[] ToChw(Mat bgr, ChannelOrder order, float scale, float offset) =>
        ToChw(bgr, order, [scale, scale, scale], [offset, offset, offset]);

    /// <summary>One 8-bit grey plane, <c>value = pixel * scale</c>.</summary>
    public static float[] Gray(Mat gray, float scale)
    {
        ArgumentNullException.ThrowIfNull(gray);
        if (gray.Type() != MatType.CV_8UC1) throw new ArgumentException($"expected an 8-bit grey image, got {gray.Type()}", nameof(gray));
        var result = new float[gray.Rows * gray.Cols];
        using var f = new Mat();
        gray.ConvertTo(f, MatType.CV_32FC1, scale);
        Marshal.Copy(f.Data, result, 0, result.Length);
        return result;
    }
}
