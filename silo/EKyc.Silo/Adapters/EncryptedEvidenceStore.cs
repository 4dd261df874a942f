using EKyc.Grains.Ports;
using EKyc.ReadModels.Evidence;

namespace EKyc.Silo.Adapters;

/// <summary>The grains' evidence port over the encrypting vault.</summary>
internal sealed class EncryptedEvidenceStore(EvidenceVault vault) : IEvidenceStore
{
    public Task<string> PutAsync(Guid applicantId, string kind, string contentType, byte[] content, CancellationToken cancellationToken) =>
        vault.PutAsync(applicantId, kind, contentType, content, cancellationToken);

    public async Task<StoredEvidence?> GetAsync(Guid applicantId, string evidenceId, CancellationToken cancellationToken) =>
        await vault.GetAsync(applicantId, evidenceId, cancellationToken) is { } e
            ? new StoredEvidence(e.Id, e.Kind, e.ContentType, e.Content, e.StoredAt)
            : null;

    public Task<int> DeleteAllAsync(Guid applicantId, CancellationToken cancellationToken) =>
        vault.DeleteAllAsync(applicantId, cancellationToken);
}
