using EKyc.Grains.Ports;
using EKyc.ReadModels;

namespace EKyc.Silo.Adapters;

/// <summary>Wires the account grain's projection port to the Dapper read model.</summary>
internal sealed class DapperAccountProjection(AccountFlagsWriter writer) : IAccountProjection
{
    public Task UpsertAsync(AccountProjection p, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        return writer.UpsertAsync(new FlaggedAccountRow
        {
            AccountId = p.AccountId,
            ApplicantId = p.ApplicantId?.ToString(),
            Status = p.Status.ToString(),
            FlagId = p.OpenFlagId,
            FlagStatus = p.FlagStatus,
            ReasonCodes = p.ReasonCodes,
            RiskScore = p.RiskScore,
            FlaggedAt = p.FlaggedAt,
            UpdatedAt = p.UpdatedAt,
            Version = p.Version,
            Tenant = p.Tenant,
        }, cancellationToken);
    }
}
