using System.Buffers.Binary;

namespace EKyc.Documents.Intake;

/// <summary>
/// Reads format and dimensions from the first bytes of an image, without decoding it, so a decompression bomb (a small
/// file that declares a gigapixel image) is refused before any decoder allocates for it. Also reads the JPEG EXIF
/// orientation, which phone cameras use instead of rotating pixels.
/// </summary>
public static class ImageHeader
{
    public static ImageFormat? DetectFormat(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF) return ImageFormat.Jpeg;
        if (data.Length >= 8 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return ImageFormat.Png;
        if (data.Length >= 12 && data[..4].SequenceEqual("RIFF"u8) && data.Slice(8, 4).SequenceEqual("WEBP"u8)) return ImageFormat.WebP;
        return null;
    }

    /// <summary>Declared width and height, or null when the header is truncated or malformed.</summary>
    public static (int Width, int Height)? Dimensions(ReadOnlySpan<byte> data, ImageFormat format) => format switch
    {
        ImageFormat.Png => Png(data),
        ImageFormat.Jpeg => Jpeg(data),
        ImageFormat.WebP => WebP(data),
        _ => null,
    };

    private static (int, int)? Png(ReadOnlySpan<byte> data)
    {
        // Signature (8), IHDR length (4), "IHDR" (4), width (4), height (4).
        if (data.Length < 24 || !data.Slice(12, 4).SequenceEqual("IHDR"u8)) return null;
        var w = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(16, 4));
        var h = BinaryPrimitives.ReadUInt32BigEndian(data.Slice(20, 4));
        return w is 0 or > int.MaxValue || h is 0 or > int.MaxValue ? null : ((int)w, (int)h);
    }

    private static (int, int)? Jpeg(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length)
        {
            if (data[i] != 0xFF) return null;
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; } // fill byte
            if (marker is 0xD8 or 0x01 or (>= 0xD0 and <= 0xD7)) { i += 2; continue; } // markers without length
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 2, 2));
            if (length < 2) return null;
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC)
            {
                if (i + 9 > data.Length) return null;
                int h = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 5, 2));
                int w = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 7, 2));
                return w == 0 || h == 0 ? null : (w, h);
            }
            if (marker == 0xDA) return null; // scan started before any frame header
            i += 2 + length;
        }
        return null;
    }

    private static (int, int)? WebP(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30) return null;
        var chunk = data.Slice(12, 4);
        if (chunk.SequenceEqual("VP8 "u8))
        {
            // Lossy: frame tag (3) + start code 9D 01 2A, then 14-bit width and height.
            if (data[23] != 0x9D || data[24] != 0x01 || data[25] != 0x2A) return null;
            var w = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(26, 2)) & 0x3FFF;
            var h = BinaryPrimitives.ReadUInt16LittleEndian(data.Slice(28, 2)) & 0x3FFF;
            return w == 0 || h == 0 ? null : (w, h);
        }
        if (chunk.SequenceEqual("VP8L"u8))
        {
            if (data[20] != 0x2F) return null;
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data.Slice(21, 4));
            return ((int)(bits & 0x3FFF) + 1, (int)((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
        {
            var w = 1 + (data[24] | data[25] << 8 | data[26] << 16);
            var h = 1 + (data[27] | data[28] << 8 | data[29] << 16);
            return (w, h);
        }
        return null;
    }

    /// <summary>The EXIF orientation (1–8) of a JPEG, 1 when absent or unreadable.</summary>
    public static int JpegOrientation(ReadOnlySpan<byte> data)
    {
        var i = 2;
        while (i + 4 <= data.Length && data[i] == 0xFF)
        {
            var marker = data[i + 1];
            if (marker == 0xDA) break;
            var length = BinaryPrimitives.ReadUInt16BigEndian(data.Slice(i + 2, 2));
            if (length < 2 || i + 2 + length > data.Length) break;
            if (marker == 0xE1 && length >= 16 && data.Slice(i + 4, 6).SequenceEqual("Exif\0\0"u8))
            {
                return ExifOrientation(data.Slice(i + 10, length - 8));
            }
            i += 2 + length;
        }
        return 1;
    }

    private static int ExifOrientation(ReadOnlySpan<byte> tiff)
    {
        if (tiff.Length < 8) return 1;
        var little = tiff[0] == (byte)'I';
        var ifd = U32(tiff, 4, little);
        if (ifd > (uint)(tiff.Length - 2)) return 1;
        var entries = U16(tiff, (int)ifd, little);
        for (var e = 0; e < entries; e++)
        {
            var at = (int)ifd + 2 + e * 12;
            if (at + 12 > tiff.Length) return 1;
            if (U16(tiff, at, little) == 0x0112)
            {
                var value = U16(tiff, at + 8, little);
                return value is >= 1 and <= 8 ? value : 1;
            }
        }
        return 1;
    }

    private static ushort U16(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt16LittleEndian(b.Slice(at, 2)) : BinaryPrimitives.ReadUInt16BigEndian(b.Slice(at, 2));

    private static uint U32(ReadOnlySpan<byte> b, int at, bool little) =>
        little ? BinaryPrimitives.ReadUInt32LittleEndian(b.Slice(at, 4)) : BinaryPrimitives.ReadUInt32BigEndian(b.Slice(at, 4));
}
