using System.Text;
using EKyc.Security;

namespace EKyc.ReadModels.Evidence;

/// <summary>
/// Evidence sealed with the envelope cipher before it reaches the database. The associated data (applicant, id,
/// kind) binds each ciphertext to its row: a blob copied to another applicant's row fails to open. Used by the silo
/// (to store) and by the API (to show a reviewer the evidence).
/// </summary>
public sealed class EvidenceVault(EvidenceTable table, EnvelopeCipher cipher, TimeProvider time)
{
    public async Task<string> PutAsync(Guid applicantId, string kind, string contentType, byte[] content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Guid.CreateVersion7().ToString("N");
        await table.InsertAsync(new EvidenceRow
        {
            EvidenceId = id,
            ApplicantId = applicantId.ToString(),
            Kind = kind,
            ContentType = contentType,
            Sealed = cipher.Seal(content, Bind(applicantId, id, kind)),
            StoredAt = time.GetUtcNow().ToUnixTimeMilliseconds(),
        }, cancellationToken);
        return id;
    }

    public async Task<OpenedEvidence?> GetAsync(Guid applicantId, string evidenceId, CancellationToken cancellationToken)
    {
        var row = await table.GetAsync(applicantId.ToString(), evidenceId, cancellationToken);
        if (row is null) return null;
        var content = cipher.Open(row.Sealed, Bind(applicantId, row.EvidenceId, row.Kind));
        return new OpenedEvidence(row.EvidenceId, row.Kind, row.ContentType, content, DateTimeOffset.FromUnixTimeMilliseconds(row.StoredAt));
    }

    public Task<int> DeleteAllAsync(Guid applicantId, CancellationToken cancellationToken) =>
        table.DeleteApplicantAsync(applicantId.ToString(), cancellationToken);

    private static byte[] Bind(Guid applicantId, string id, string kind) => Encoding.UTF8.GetBytes($"evidence|{applicantId}|{id}|{kind}");
}

/// <summary>Decrypted evidence.</summary>
public sealed record OpenedEvidence(string Id, string Kind, string ContentType, byte[] Content, DateTimeOffset StoredAt);
