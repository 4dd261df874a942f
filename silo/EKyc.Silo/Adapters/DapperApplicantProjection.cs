using EKyc.Grains.Ports;
using EKyc.ReadModels;

namespace EKyc.Silo.Adapters;

/// <summary>Wires the applicant grain's projection port to the Dapper case list.</summary>
internal sealed class DapperApplicantProjection(ApplicantsTable table) : IApplicantProjection
{
    public Task UpsertAsync(ApplicantProjection p, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(p);
        return table.UpsertAsync(new ApplicantRow
        {
            ApplicantId = p.ApplicantId.ToString(),
            Stage = p.Stage.ToString(),
            RiskTier = p.RiskTier.ToString(),
            ReasonCodes = p.ReasonCodes,
            CreatedAt = p.CreatedAt,
            UpdatedAt = p.UpdatedAt,
            Version = p.Version,
            Tenant = p.Tenant,
        }, cancellationToken);
    }
}
