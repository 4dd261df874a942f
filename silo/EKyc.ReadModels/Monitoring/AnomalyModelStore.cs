using System.Text.Json;
using Dapper;

namespace EKyc.ReadModels.Monitoring;

/// <summary>Feature samples for training and the trained model versions, in the service's database.</summary>
public sealed class AnomalyModelStore(ReadModelDatabase database)
{
    public async Task AddSamplesAsync(IReadOnlyList<(DateTimeOffset At, IReadOnlyDictionary<string, double> Features)> samples, CancellationToken ct)
    {
        if (samples.Count == 0) return;
        await using var connection = await database.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (at, features) in samples)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO ekyc_feature_samples (sample_id, taken_at, features) VALUES (@id, @at, @features)",
                new { id = Guid.CreateVersion7().ToString("N"), at = at.ToUnixTimeMilliseconds(), features = JsonSerializer.Serialize(features) },
                tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The newest <paramref name="limit"/> samples, and removes those older than <paramref name="keepAfter"/>.</summary>
    public async Task<IReadOnlyList<(DateTimeOffset At, Dictionary<string, double> Features)>> RecentSamplesAsync(int limit, DateTimeOffset keepAfter, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ekyc_feature_samples WHERE taken_at < @cutoff",
            new { cutoff = keepAfter.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        var rows = await connection.QueryAsync<(long TakenAt, string Features)>(new CommandDefinition(
            "SELECT taken_at, features FROM ekyc_feature_samples ORDER BY taken_at DESC LIMIT @limit", new { limit }, cancellationToken: ct));
        return [.. rows.Select(r => (DateTimeOffset.FromUnixTimeMilliseconds(r.TakenAt), JsonSerializer.Deserialize<Dictionary<string, double>>(r.Features) ?? []))];
    }

    public async Task SaveModelAsync(string version, DateTimeOffset createdAt, int samples, byte[] model, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO ekyc_anomaly_models (version, created_at, samples, model) VALUES (@version, @createdAt, @samples, @model)",
            new { version, createdAt = createdAt.ToUnixTimeMilliseconds(), samples, model }, cancellationToken: ct));
    }

    /// <summary>The newest model's version and bytes, or null when none was trained.</summary>
    public async Task<(string Version, DateTimeOffset CreatedAt, byte[] Model)?> LatestModelAsync(string? unlessVersion, CancellationToken ct)
    {
        await using var connection = await database.OpenAsync(ct);
        var latest = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT version FROM ekyc_anomaly_models ORDER BY created_at DESC, version DESC LIMIT 1", cancellationToken: ct));
        if (latest is null || latest == unlessVersion) return null;
        var row = await connection.QuerySingleAsync<(string Version, long CreatedAt, byte[] Model)>(new CommandDefinition(
            "SELECT version, created_at, model FROM ekyc_anomaly_models WHERE version = @latest", new { latest }, cancellationToken: ct));
        return (row.Version, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), row.Model);
    }
}
