using Dapper;

namespace EKyc.ReadModels;

/// <summary>Writes and queries the applicant case list (ordered, idempotent upserts by version).</summary>
public sealed class ApplicantsTable(ReadModelDatabase database)
{
    public const int MaxPageSize = 200;

    private const string Upsert = """
        INSERT INTO ekyc_applicants (applicant_id, stage, risk_tier, reason_codes, created_at, updated_at, version, tenant_id)
        VALUES (@ApplicantId, @Stage, @RiskTier, @ReasonCodes, @CreatedAt, @UpdatedAt, @Version, @Tenant)
        ON CONFLICT (applicant_id) DO UPDATE SET
            stage = excluded.stage, risk_tier = excluded.risk_tier, reason_codes = excluded.reason_codes,
            updated_at = excluded.updated_at, version = excluded.version
        WHERE ekyc_applicants.version < excluded.version
        """;

    public async Task UpsertAsync(ApplicantRow row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(Upsert, new
        {
            row.ApplicantId,
            row.Stage,
            row.RiskTier,
            ReasonCodes = ReasonCodeColumn.Encode(row.ReasonCodes),
            CreatedAt = row.CreatedAt.ToUnixTimeMilliseconds(),
            UpdatedAt = row.UpdatedAt.ToUnixTimeMilliseconds(),
            row.Version,
            row.Tenant,
        }, cancellationToken: cancellationToken));
    }

    /// <summary>Applicants in a stage, oldest update first (the longest-waiting case comes first).</summary>
    /// <param name="tenant">Only this tenant's applicants; null for every tenant (an administrator of all).</param>
    public async Task<PagedResult<ApplicantRow>> ListAsync(string? stage, string? tenant, int page, int pageSize, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(pageSize, 1, MaxPageSize);
        page = Math.Max(1, page);
        var conditions = new List<string>();
        if (stage is not null) conditions.Add("stage = @Stage");
        if (tenant is not null) conditions.Add("tenant_id = @Tenant");
        var where = conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);
        var args = new { Stage = stage, Tenant = tenant, Limit = size, Offset = (page - 1) * size };
        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM ekyc_applicants {where}", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"""
            SELECT applicant_id AS ApplicantId, stage AS Stage, risk_tier AS RiskTier, reason_codes AS ReasonCodes,
                   created_at AS CreatedAt, updated_at AS UpdatedAt, version AS Version
            FROM ekyc_applicants {where}
            ORDER BY updated_at, applicant_id
            LIMIT @Limit OFFSET @Offset
            """, args, cancellationToken: cancellationToken));
        return new PagedResult<ApplicantRow>([.. rows.Select(r => r.ToRow())], page, size, total);
    }

    private sealed class Row
    {
        public string ApplicantId { get; set; } = "";
        public string Stage { get; set; } = "";
        public string RiskTier { get; set; } = "";
        public string? ReasonCodes { get; set; }
        public long CreatedAt { get; set; }
        public long UpdatedAt { get; set; }
        public long Version { get; set; }

        public ApplicantRow ToRow() => new()
        {
            ApplicantId = ApplicantId,
            Stage = Stage,
            RiskTier = RiskTier,
            ReasonCodes = ReasonCodeColumn.Decode(ReasonCodes),
            CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            Version = Version,
        };
    }
}
