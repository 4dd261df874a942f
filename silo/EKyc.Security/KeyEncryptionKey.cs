namespace EKyc.Security;

/// <summary>A key-encryption key: 32 bytes and a short id recorded in every envelope it wraps.</summary>
public sealed class KeyEncryptionKey
{
    public const int Size = 32;

    public KeyEncryptionKey(string id, byte[] material)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(material);
        if (id.Length > 64 || id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            throw new ArgumentException("a key id is 1-64 characters of letters, digits, '-', '_' or '.'", nameof(id));
        if (material.Length != Size) throw new ArgumentException($"a key-encryption key is {Size} bytes", nameof(material));
        Id = id;
        Material = material;
    }

    public string Id { get; }

    internal byte[] Material { get; }
}
