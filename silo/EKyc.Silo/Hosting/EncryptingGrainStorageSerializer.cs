using EKyc.Security;
using Orleans.Storage;

namespace EKyc.Silo.Hosting;

/// <summary>
/// Grain state is sealed in an envelope before it reaches the database, so every field of every grain (names,
/// contacts, document data, templates) is encrypted at rest without each grain having to remember to.
/// </summary>
public sealed class EncryptingGrainStorageSerializer(IGrainStorageSerializer inner, EnvelopeCipher cipher) : IGrainStorageSerializer
{
    public BinaryData Serialize<T>(T? input) => new(cipher.Seal(inner.Serialize(input).ToMemory().Span));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return inner.Deserialize<T>(new BinaryData(cipher.Open(input.ToMemory().Span)));
    }
}
