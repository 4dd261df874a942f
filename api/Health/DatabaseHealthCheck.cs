using Dapper;
using EKyc.ReadModels;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EKyc.Api.Health;

/// <summary>Ready only when the read-model database answers.</summary>
internal sealed class DatabaseHealthCheck(ReadModelDatabase database) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: cancellationToken));
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy($"database unreachable ({e.GetType().Name})");
        }
    }
}
