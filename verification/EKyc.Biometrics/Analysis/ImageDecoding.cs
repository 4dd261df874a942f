using OpenCvSharp;

namespace EKyc.Biometrics.Analysis;

public static class ImageDecoding
{
    /// <summary>
    /// Encoded bytes to an 8-bit BGR image. OpenCV's decoder applies the EXIF orientation tag, which phone photos
    /// rely on (the shared spoof samples are stored sideways and tagged): a face on its side is not detected.
    /// </summary>
    /// <exception cref="ArgumentException">The bytes are not an image OpenCV can decode.</exception>
    public static Mat Decode(byte[] encodedImage)
    {
        ArgumentNullException.ThrowIfNull(encodedImage);
        var mat = Cv2.ImDecode(encodedImage, ImreadModes.Color);
        if (mat.Empty())
        {
            mat.Dispose();
            throw new ArgumentException("the bytes are not a decodable image (JPEG, PNG, WebP, BMP, TIFF)", nameof(encodedImage));
        }
        return mat;
    }
}
