namespace EKyc.Security;

/// <summary>
/// Where key-encryption keys come from. The current key wraps new data keys; older keys stay readable until every
/// envelope has been re-wrapped (see <see cref="KeyRotation"/>). A cloud KMS implements this interface.
/// </summary>
public interface IKeyProvider
{
    KeyEncryptionKey Current { get; }

    /// <summary>The key with this id, or null when it is unknown (the envelope cannot be opened).</summary>
    KeyEncryptionKey? Find(string id);
}
