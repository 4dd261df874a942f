namespace EKyc.Grains.Ports;

/// <summary>
/// Encrypted storage of an applicant's evidence (document images, portrait crops, selfies, face templates). Content
/// is envelope-encrypted by the adapter; the grain keeps only the ids.
/// </summary>
public interface IEvidenceStore
{
    Task<string> PutAsync(Guid applicantId, string kind, string contentType, byte[] content, CancellationToken cancellationToken);

    Task<StoredEvidence?> GetAsync(Guid applicantId, string evidenceId, CancellationToken cancellationToken);

    /// <summary>Deletes every piece of evidence of the applicant (erasure); returns how many went.</summary>
    Task<int> DeleteAllAsync(Guid applicantId, CancellationToken cancellationToken);
}

public sealed record StoredEvidence(string Id, string Kind, string ContentType, byte[] Content, DateTimeOffset StoredAt);
