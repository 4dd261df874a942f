using OpenCvSharp;

namespace EKyc.Biometrics.Detection;

/// <summary>Crop rectangles the faceplugin models were fed, ported so the models see what they were trained on.</summary>
public static class CropGeometry
{
    /// <summary>
    /// The box scaled about its centre by <paramref name="scale"/> (reduced so it fits the image), then shifted, not
    /// cut, to lie inside the image: <c>alignLandmarkImage()</c> (scale 1) and <c>alignLivenessImage()</c> (scale 2.7).
    /// </summary>
    public static Rect ScaledInside(FaceBox box, float scale, int imageWidth, int imageHeight)
    {
        var w = Math.Max(1f, box.Width);
        var h = Math.Max(1f, box.Height);
        var s = Math.Min((imageHeight - 1) / h, Math.Min((imageWidth - 1) / w, scale));
        var newW = w * s;
        var newH = h * s;
        var cx = box.X1 + (w / 2);
        var cy = box.Y1 + (h / 2);
        var left = cx - (newW / 2);
        var top = cy - (newH / 2);
        var right = cx + (newW / 2);
        var bottom = cy + (newH / 2);
        if (left < 0) { right -= left; left = 0; }
        if (top < 0) { bottom -= top; top = 0; }
        if (right > imageWidth - 1) { left -= right - imageWidth + 1; right = imageWidth - 1; }
        if (bottom > imageHeight - 1) { top -= bottom - imageHeight + 1; bottom = imageHeight - 1; }
        return Clip(new Rect((int)Math.Max(left, 0), (int)Math.Max(top, 0), (int)(right - left), (int)(bottom - top)), imageWidth, imageHeight);
    }

    /// <summary>
    /// The box grown by <paramref name="fraction"/> of its size on every side and clipped. <c>predictPose()</c> used a
    /// quarter (HeadPoseEstimator uses none, see there) and kept the unclipped width after moving the left edge to 0,
    /// which shifts the crop off the face near the border; here each side is clipped instead.
    /// </summary>
    public static Rect Expanded(FaceBox box, float fraction, int imageWidth, int imageHeight)
    {
        var dx = box.Width * fraction;
        var dy = box.Height * fraction;
        var x1 = (int)Math.Max(0, box.X1 - dx);
        var y1 = (int)Math.Max(0, box.Y1 - dy);
        var x2 = (int)Math.Min(imageWidth, box.X2 + dx);
        var y2 = (int)Math.Min(imageHeight, box.Y2 + dy);
        return Clip(new Rect(x1, y1, x2 - x1, y2 - y1), imageWidth, imageHeight);
    }

    /// <summary>The rectangle cut to the image, at least 1×1, so an ROI never throws.</summary>
    public static Rect Clip(Rect r, int imageWidth, int imageHeight)
    {
        var x = Math.Clamp(r.X, 0, Math.Max(0, imageWidth - 1));
        var y = Math.Clamp(r.Y, 0, Math.Max(0, imageHeight - 1));
        var w = Math.Clamp(r.Width, 1, imageWidth - x);
        var h = Math.Clamp(r.Height, 1, imageHeight - y);
        return new Rect(x, y, w, h);
    }
}
