using Dapper;

namespace EKyc.ReadModels.Evidence;

/// <summary>Rows of sealed evidence. It stores and returns ciphertext only; sealing is the caller's job.</summary>
public sealed class EvidenceTable(ReadModelDatabase database)
{
    public async Task InsertAsync(EvidenceRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ekyc_evidence (evidence_id, applicant_id, kind, content_type, sealed, stored_at) VALUES (@EvidenceId, @ApplicantId, @Kind, @ContentType, @Sealed, @StoredAt)",
            row, cancellationToken: cancellationToken));
    }

    public async Task<EvidenceRow?> GetAsync(string applicantId, string evidenceId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<EvidenceRow>(new CommandDefinition(
            "SELECT evidence_id AS EvidenceId, applicant_id AS ApplicantId, kind AS Kind, content_type AS ContentType, sealed AS Sealed, stored_at AS StoredAt FROM ekyc_evidence WHERE applicant_id = @applicantId AND evidence_id = @evidenceId",
            new { applicantId, evidenceId }, cancellationToken: cancellationToken));
    }

    /// <summary>Every row of one kind across applicants (e.g. face templates for a duplicate search), oldest first.</summary>
    public async Task<IReadOnlyList<EvidenceRow>> ListByKindAsync(string kind, int limit, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<EvidenceRow>(new CommandDefinition(
            "SELECT evidence_id AS EvidenceId, applicant_id AS ApplicantId, kind AS Kind, content_type AS ContentType, sealed AS Sealed, stored_at AS StoredAt FROM ekyc_evidence WHERE kind = @kind ORDER BY stored_at LIMIT @limit",
            new { kind, limit }, cancellationToken: cancellationToken));
        return [.. rows];
    }

    public async Task<int> DeleteApplicantAsync(string applicantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM ekyc_evidence WHERE applicant_id = @applicantId", new { applicantId }, cancellationToken: cancellationToken));
    }
}

/// <summary>One sealed piece of evidence. <see cref="StoredAt"/> is Unix milliseconds.</summary>
public sealed class EvidenceRow
{
    public string EvidenceId { get; set; } = "";
    public string ApplicantId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Sealed { get; set; } = [];
    public long StoredAt { get; set; }
}
