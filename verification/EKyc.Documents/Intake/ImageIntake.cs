using System.Buffers.Binary;
using OpenCvSharp;

namespace EKyc.Documents.Intake;

/// <summary>
/// The only way an uploaded image becomes pixels: checks size, magic bytes, declared dimensions (before decoding),
/// completeness (truncated files), decodes with OpenCV and applies the EXIF orientation. Every refusal is an
/// <see cref="IntakeError"/> with a stable code; nothing here throws for bad input.
/// </summary>
public sealed class ImageIntake(IntakeOptions options)
{
    public IntakeResult Decode(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty) return Fail(IntakeError.Empty, "The image is empty.");
        if (data.Length > options.MaxBytes)
            return Fail(IntakeError.TooLarge, $"The image is {data.Length / 1024 / 1024.0:0.0} MB; the limit is {options.MaxBytes / 1024 / 1024} MB.");
        if (ImageHeader.DetectFormat(data) is not { } format)
            return Fail(IntakeError.UnsupportedFormat, "Only JPEG, PNG and WebP images are accepted (recognised by content, not by name).");
        if (ImageHeader.Dimensions(data, format) is not var (width, height))
            return Fail(IntakeError.Corrupt, $"The {format} header is damaged or incomplete.");
        if ((long)width * height > options.MaxPixels)
            return Fail(IntakeError.TooManyPixels, $"The image declares {width}×{height} pixels; the limit is {options.MaxPixels / 1_000_000} megapixels.");
        if (Math.Min(width, height) < options.MinSide)
            return Fail(IntakeError.TooSmall, $"The image is {width}×{height}; the shorter side must be at least {options.MinSide} pixels. Use the camera's full resolution.");
        if (!Complete(data, format))
            return Fail(IntakeError.Corrupt, $"The {format} file is truncated: upload the whole file again.");

        // Orientation is applied by us (below) so it is the same for every decoder build.
        var mat = Cv2.ImDecode(data, ImreadModes.Color | ImreadModes.IgnoreOrientation);
        if (mat.Empty() || mat.Width != width || mat.Height != height)
        {
            mat.Dispose();
            return Fail(IntakeError.Corrupt, $"The {format} image could not be decoded.");
        }
        var orientation = format == ImageFormat.Jpeg ? ImageHeader.JpegOrientation(data) : 1;
        return new IntakeResult(Orient(mat, orientation), format, orientation, null);
    }

    private static IntakeResult Fail(string code, string message) => new(null, null, 1, new IntakeError(code, message));

    // A decoder fills a truncated image with grey and reports success; check the end marker ourselves.
    private static bool Complete(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Jpeg => data.LastIndexOf((ReadOnlySpan<byte>)[0xFF, 0xD9]) > 2,
        ImageFormat.Png => data.Length >= 12 && data[^8..^4].SequenceEqual("IEND"u8),
        ImageFormat.WebP => data.Length >= 12 && BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(4, 4)) + 8L <= data.Length,
        _ => false,
    };

    /// <summary>Rotates / mirrors pixels so that EXIF orientation 1 holds (values 2–8 per the EXIF 2.3 table).</summary>
    public static Mat Orient(Mat mat, int orientation)
    {
        ArgumentNullException.ThrowIfNull(mat);
        if (orientation is <= 1 or > 8) return mat;
        var result = new Mat();
        switch (orientation)
        {
            case 2: Cv2.Flip(mat, result, FlipMode.Y); break;
            case 3: Cv2.Rotate(mat, result, RotateFlags.Rotate180); break;
            case 4: Cv2.Flip(mat, result, FlipMode.X); break;
            case 5: Cv2.Transpose(mat, result); break;
            case 6: Cv2.Rotate(mat, result, RotateFlags.Rotate90Clockwise); break;
            case 7:
                using (var t = new Mat()) { Cv2.Rotate(mat, t, RotateFlags.Rotate90Clockwise); Cv2.Flip(t, result, FlipMode.Y); }
                break;
            default: Cv2.Rotate(mat, result, RotateFlags.Rotate90Counterclockwise); break;
        }
        mat.Dispose();
        return result;
    }
}

/// <summary>The decoded, upright image (owned by the caller), or why there is none.</summary>
public sealed record IntakeResult(Mat? Image, ImageFormat? Format, int Orientation, IntakeError? Error) : IDisposable
{
    public void Dispose() => Image?.Dispose();
}
