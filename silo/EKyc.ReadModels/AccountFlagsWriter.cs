using Dapper;

namespace EKyc.ReadModels;

/// <summary>
/// Upserts an account's read-model row. Idempotent and ordered: a row only moves forward in version, so replays and
/// out-of-order projections cannot roll it back.
/// </summary>
public sealed class AccountFlagsWriter(ReadModelDatabase database)
{
    private const string Upsert = """
        INSERT INTO ekyc_account_flags (account_id, applicant_id, status, flag_id, flag_status, reason_codes, risk_score, flagged_at, updated_at, version, tenant_id)
        VALUES (@AccountId, @ApplicantId, @Status, @FlagId, @FlagStatus, @ReasonCodes, @RiskScore, @FlaggedAt, @UpdatedAt, @Version, @Tenant)
        ON CONFLICT (account_id) DO UPDATE SET
            applicant_id = excluded.applicant_id, status = excluded.status, flag_id = excluded.flag_id,
            flag_status = excluded.flag_status, reason_codes = excluded.reason_codes, risk_score = excluded.risk_score,
            flagged_at = excluded.flagged_at, updated_at = excluded.updated_at, version = excluded.version
        WHERE ekyc_account_flags.version < excluded.version
        """;

    public async Task UpsertAsync(FlaggedAccountRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new
        {
            row.AccountId,
            row.ApplicantId,
            row.Status,
            row.FlagId,
            row.FlagStatus,
            ReasonCodes = ReasonCodeColumn.Encode(row.ReasonCodes),
            row.RiskScore,
            FlaggedAt = row.FlaggedAt?.ToUnixTimeMilliseconds(),
            UpdatedAt = row.UpdatedAt.ToUnixTimeMilliseconds(),
            row.Version,
            row.Tenant,
        }, cancellationToken: cancellationToken));
    }
}
