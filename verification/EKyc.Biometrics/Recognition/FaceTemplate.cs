using System.Buffers.Binary;

namespace EKyc.Biometrics.Recognition;

/// <summary>
/// A face embedding as stored bytes: the 4-byte tag <c>FT01</c>, then the floats little-endian. The tag lets a
/// later model's templates (other width, other meaning) be told apart instead of being compared as if alike.
/// </summary>
public static class FaceTemplate
{
    private static ReadOnlySpan<byte> Tag => "FT01"u8;

    public static byte[] ToBytes(ReadOnlySpan<float> embedding)
    {
        var bytes = new byte[Tag.Length + embedding.Length * sizeof(float)];
        Tag.CopyTo(bytes);
        for (var i = 0; i < embedding.Length; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(Tag.Length + i * sizeof(float)), embedding[i]);
        }
        return bytes;
    }

    /// <summary>The embedding, or null when the bytes are not a template of this format.</summary>
    public static float[]? TryRead(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length <= Tag.Length || !bytes[..Tag.Length].SequenceEqual(Tag) || (bytes.Length - Tag.Length) % sizeof(float) != 0) return null;
        var embedding = new float[(bytes.Length - Tag.Length) / sizeof(float)];
        for (var i = 0; i < embedding.Length; i++)
        {
            embedding[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(Tag.Length + i * sizeof(float))..]);
            if (!float.IsFinite(embedding[i])) return null;
        }
        return embedding;
    }
}
