using System.Security.Cryptography;
using System.Text;

namespace EKyc.Security;

/// <summary>
/// Seals data in an envelope: a fresh AES-256-GCM data key per record encrypts the data, and the current
/// key-encryption key wraps the data key (also AES-256-GCM). Layout, version 1:
/// <c>"EKE1" | kekIdLength(1) | kekId | wrapNonce(12) | wrappedKey(32) | wrapTag(16) | nonce(12) | tag(16) | ciphertext</c>.
/// The optional associated data binds an envelope to its context (e.g. the record it belongs to).
/// </summary>
public sealed class EnvelopeCipher(IKeyProvider keys)
{
    private static readonly byte[] Magic = "EKE1"u8.ToArray();
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public byte[] Seal(ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData = default)
    {
        var kek = keys.Current;
        var kekId = Encoding.ASCII.GetBytes(kek.Id);
        var header = Magic.Length + 1 + kekId.Length + NonceSize + KeyEncryptionKey.Size + TagSize;
        var output = new byte[header + NonceSize + TagSize + plaintext.Length];
        var span = output.AsSpan();
        Magic.CopyTo(span);
        span[4] = (byte)kekId.Length;
        kekId.CopyTo(span[5..]);
        var offset = 5 + kekId.Length;

        Span<byte> dataKey = stackalloc byte[KeyEncryptionKey.Size];
        RandomNumberGenerator.Fill(dataKey);
        try
        {
            var wrapNonce = span.Slice(offset, NonceSize);
            RandomNumberGenerator.Fill(wrapNonce);
            using (var wrap = new AesGcm(kek.Material, TagSize))
            {
                wrap.Encrypt(wrapNonce, dataKey, span.Slice(offset + NonceSize, KeyEncryptionKey.Size),
                    span.Slice(offset + NonceSize + KeyEncryptionKey.Size, TagSize), kekId);
            }
            offset = header;
            var nonce = span.Slice(offset, NonceSize);
            RandomNumberGenerator.Fill(nonce);
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Encrypt(nonce, plaintext, span[(offset + NonceSize + TagSize)..], span.Slice(offset + NonceSize, TagSize), associatedData);
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    public byte[] Open(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> associatedData = default)
    {
        var (kek, header) = ReadHeader(envelope);
        Span<byte> dataKey = stackalloc byte[KeyEncryptionKey.Size];
        try
        {
            Unwrap(envelope, kek, dataKey);
            var body = envelope[header..];
            if (body.Length < NonceSize + TagSize) throw new CryptographicException("envelope is truncated");
            var plaintext = new byte[body.Length - NonceSize - TagSize];
            using var aes = new AesGcm(dataKey, TagSize);
            aes.Decrypt(body[..NonceSize], body[(NonceSize + TagSize)..], body.Slice(NonceSize, TagSize), plaintext, associatedData);
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>The id of the key that wrapped this envelope's data key.</summary>
    public static string KeyIdOf(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < 6 || !envelope[..4].SequenceEqual(Magic)) throw new CryptographicException("not an EKE1 envelope");
        int length = envelope[4];
        if (envelope.Length < 5 + length) throw new CryptographicException("envelope is truncated");
        return Encoding.ASCII.GetString(envelope.Slice(5, length));
    }

    public static bool IsEnvelope(ReadOnlySpan<byte> data) => data.Length >= 4 && data[..4].SequenceEqual(Magic);

    /// <summary>
    /// Re-wraps the data key under the current key-encryption key without touching the ciphertext: what key rotation
    /// does to each stored record. Returns null when the envelope already uses the current key.
    /// </summary>
    public byte[]? Rewrap(ReadOnlySpan<byte> envelope)
    {
        var current = keys.Current;
        if (KeyIdOf(envelope) == current.Id) return null;
        var (kek, header) = ReadHeader(envelope);
        Span<byte> dataKey = stackalloc byte[KeyEncryptionKey.Size];
        try
        {
            Unwrap(envelope, kek, dataKey);
            var kekId = Encoding.ASCII.GetBytes(current.Id);
            var newHeader = 5 + kekId.Length + NonceSize + KeyEncryptionKey.Size + TagSize;
            var output = new byte[newHeader + envelope.Length - header];
            var span = output.AsSpan();
            Magic.CopyTo(span);
            span[4] = (byte)kekId.Length;
            kekId.CopyTo(span[5..]);
            var offset = 5 + kekId.Length;
            var wrapNonce = span.Slice(offset, NonceSize);
            RandomNumberGenerator.Fill(wrapNonce);
            using (var wrap = new AesGcm(current.Material, TagSize))
            {
                wrap.Encrypt(wrapNonce, dataKey, span.Slice(offset + NonceSize, KeyEncryptionKey.Size),
                    span.Slice(offset + NonceSize + KeyEncryptionKey.Size, TagSize), kekId);
            }
            envelope[header..].CopyTo(span[newHeader..]);
            return output;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private (KeyEncryptionKey Kek, int Header) ReadHeader(ReadOnlySpan<byte> envelope)
    {
        var id = KeyIdOf(envelope);
        var kek = keys.Find(id) ?? throw new CryptographicException($"key-encryption key '{id}' is not available");
        var header = 5 + id.Length + NonceSize + KeyEncryptionKey.Size + TagSize;
        if (envelope.Length < header) throw new CryptographicException("envelope is truncated");
        return (kek, header);
    }

    private static void Unwrap(ReadOnlySpan<byte> envelope, KeyEncryptionKey kek, Span<byte> dataKey)
    {
        int idLength = envelope[4];
        var kekId = envelope.Slice(5, idLength);
        var offset = 5 + idLength;
        using var wrap = new AesGcm(kek.Material, TagSize);
        wrap.Decrypt(envelope.Slice(offset, NonceSize), envelope.Slice(offset + NonceSize, KeyEncryptionKey.Size),
            envelope.Slice(offset + NonceSize + KeyEncryptionKey.Size, TagSize), dataKey, kekId);
    }
}
