using System.Text;
using Dapper;

namespace EKyc.ReadModels;

/// <summary>The analysts' queries over the account read model.</summary>
public sealed class AccountFlagsQueries(ReadModelDatabase database)
{
    public const int MaxPageSize = 200;

    public async Task<PagedResult<FlaggedAccountRow>> ListAsync(FlaggedAccountQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var where = new StringBuilder("WHERE flag_id IS NOT NULL");
        var args = new DynamicParameters();
        if (query.Tenant is { } tenant) { where.Append(" AND tenant_id = @Tenant"); args.Add("Tenant", tenant); }
        if (query.Status is { } status) { where.Append(" AND status = @Status"); args.Add("Status", status); }
        if (query.FlagStatus is { } flagStatus) { where.Append(" AND flag_status = @FlagStatus"); args.Add("FlagStatus", flagStatus); }
        if (query.ReasonCode is { } code) { where.Append(" AND reason_codes LIKE @Reason"); args.Add("Reason", $"%|{code}|%"); }
        if (query.MinScore is { } min) { where.Append(" AND risk_score >= @MinScore"); args.Add("MinScore", min); }
        if (query.FlaggedFrom is { } from) { where.Append(" AND flagged_at >= @From"); args.Add("From", from.ToUnixTimeMilliseconds()); }
        if (query.FlaggedTo is { } to) { where.Append(" AND flagged_at < @To"); args.Add("To", to.ToUnixTimeMilliseconds()); }
        var size = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        args.Add("Limit", size);
        args.Add("Offset", (page - 1) * size);

        await using var connection = await database.OpenAsync(cancellationToken);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            $"SELECT COUNT(*) FROM ekyc_account_flags {where}", args, cancellationToken: cancellationToken));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
            SELECT account_id AS AccountId, applicant_id AS ApplicantId, status AS Status, flag_id AS FlagId,
                   flag_status AS FlagStatus, reason_codes AS ReasonCodes, risk_score AS RiskScore,
                   flagged_at AS FlaggedAt, updated_at AS UpdatedAt, version AS Version
            FROM ekyc_account_flags {where}
            ORDER BY flagged_at DESC, account_id
            LIMIT @Limit OFFSET @Offset
            """, args, cancellationToken: cancellationToken));
        return new PagedResult<FlaggedAccountRow>([.. rows.Select(r => r.ToRow())], page, size, total);
    }

    private sealed class Row
    {
        public string AccountId { get; set; } = "";
        public string? ApplicantId { get; set; }
        public string Status { get; set; } = "";
        public string? FlagId { get; set; }
        public string? FlagStatus { get; set; }
        public string? ReasonCodes { get; set; }
        public double RiskScore { get; set; }
        public long? FlaggedAt { get; set; }
        public long UpdatedAt { get; set; }
        public long Version { get; set; }

        public FlaggedAccountRow ToRow() => new()
        {
            // The stored id is the grain key ("tenant/account"); callers know their accounts by the platform's id.
            AccountId = AccountId.Contains('/', StringComparison.Ordinal) ? AccountId[(AccountId.IndexOf('/', StringComparison.Ordinal) + 1)..] : AccountId,
            ApplicantId = ApplicantId,
            Status = Status,
            FlagId = FlagId,
            FlagStatus = FlagStatus,
            ReasonCodes = ReasonCodeColumn.Decode(ReasonCodes),
            RiskScore = RiskScore,
            FlaggedAt = FlaggedAt is { } f ? DateTimeOffset.FromUnixTimeMilliseconds(f) : null,
            UpdatedAt = DateTimeOffset.FromUnixTimeMilliseconds(UpdatedAt),
            Version = Version,
        };
    }
}
