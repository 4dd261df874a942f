using EKyc.Documents.Intake;
using OpenCvSharp;

namespace EKyc.Documents.Tests.Intake;

public sealed class ImageIntakeTests
{
    private static readonly ImageIntake Intake = new(new IntakeOptions { MinSide = 100 });

    private static byte[] Encode(int width, int height, string ext)
    {
        using var mat = new Mat(height, width, MatType.CV_8UC3, new Scalar(30, 120, 200));
        Cv2.Rectangle(mat, new Rect(width / 4, height / 4, width / 2, height / 4), Scalar.All(0), -1);
        return mat.ToBytes(ext);
    }

    [Fact]
    public void Decodes_jpeg_png_and_webp_by_content()
    {
        foreach (var ext in new[] { ".jpg", ".png", ".webp" })
        {
            using var result = Intake.Decode(Encode(320, 200, ext));
            Assert.Null(result.Error);
            Assert.Equal((320, 200), (result.Image!.Width, result.Image.Height));
        }
    }

    [Theory]
    [InlineData(new byte[0], IntakeError.Empty)]
    [InlineData(new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0, 0, 0, 0 }, IntakeError.UnsupportedFormat)]
    [InlineData(new byte[] { 0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0 }, IntakeError.UnsupportedFormat)]
    public void Refuses_what_is_not_an_accepted_image(byte[] data, string code)
    {
        using var result = Intake.Decode(data);
        Assert.Equal(code, result.Error?.Code);
    }

    [Fact]
    public void A_decompression_bomb_is_refused_from_its_header_before_decoding()
    {
        // A valid PNG signature and IHDR declaring 100000 × 100000 pixels, and nothing else.
        byte[] bomb = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R',
            0, 1, 0x86, 0xA0, 0, 1, 0x86, 0xA0, 8, 2, 0, 0, 0, 0, 0, 0, 0];
        using var result = Intake.Decode(bomb);
        Assert.Equal(IntakeError.TooManyPixels, result.Error?.Code);
    }

    [Fact]
    public void A_truncated_file_is_corrupt_not_half_grey()
    {
        var jpeg = Encode(640, 480, ".jpg");
        using var result = Intake.Decode(jpeg.AsSpan(0, jpeg.Length / 2));
        Assert.Equal(IntakeError.Corrupt, result.Error?.Code);
        var png = Encode(640, 480, ".png");
        using var png2 = Intake.Decode(png.AsSpan(0, png.Length - 20));
        Assert.Equal(IntakeError.Corrupt, png2.Error?.Code);
    }

    [Fact]
    public void Size_limits_apply()
    {
        var small = new ImageIntake(new IntakeOptions { MaxBytes = 64 * 1024, MinSide = 480 });
        using var tooSmall = small.Decode(Encode(320, 200, ".png"));
        Assert.Equal(IntakeError.TooSmall, tooSmall.Error?.Code);
        using var mat = new Mat(1000, 1000, MatType.CV_8UC3);
        Cv2.Randu(mat, Scalar.All(0), Scalar.All(255));
        using var tooLarge = small.Decode(mat.ToBytes(".png"));
        Assert.Equal(IntakeError.TooLarge, tooLarge.Error?.Code);
    }

    [Fact]
    public void Exif_orientation_is_applied()
    {
        var jpeg = Encode(320, 200, ".jpg");
        var rotated = WithExifOrientation(jpeg, 6);
        Assert.Equal(6, ImageHeader.JpegOrientation(rotated));
        using var result = Intake.Decode(rotated);
        Assert.Null(result.Error);
        Assert.Equal((200, 320), (result.Image!.Width, result.Image.Height));
        Assert.Equal(6, result.Orientation);
    }

    // Inserts a minimal big-endian EXIF APP1 segment with one IFD entry (Orientation) after SOI.
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff = [(byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, (byte)(orientation >> 8), (byte)orientation, 0, 0, 0, 0, 0, 0];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }
}
