using System.Collections.Immutable;
using EKyc.GrainInterfaces.Accounts;

namespace EKyc.Grains.Ports;

/// <summary>
/// Where the account grain projects what analysts query across accounts (the flag tables). The silo wires it to the
/// Dapper read model on the grains' database. Writes must be idempotent and ordered by <see cref="AccountProjection.Version"/>.
/// </summary>
public interface IAccountProjection
{
    Task UpsertAsync(AccountProjection projection, CancellationToken cancellationToken);
}

/// <summary>One account's row in the analyst read model.</summary>
public sealed record AccountProjection(
    string AccountId,
    Guid? ApplicantId,
    AccountStatus Status,
    string? OpenFlagId,
    string? FlagStatus,
    ImmutableArray<string> ReasonCodes,
    double RiskScore,
    DateTimeOffset? FlaggedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    string? Tenant = null);
