using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EKyc.Storage;

/// <summary>
/// Applies the schema: numbered scripts once each, in order, each in its own transaction and recorded with its
/// SHA-256 in <c>ekyc_schema_migrations</c> (a released script whose text changed is refused: changes are new
/// scripts); then the Orleans query texts, upserted every time so they always match this build. On PostgreSQL an
/// advisory lock serialises silos starting together.
/// </summary>
public static class SchemaMigrator
{
    private const long AdvisoryLockKey = 0x454B_5943_4D49_4752; // "EKYCMIGR"

    public static async Task MigrateAsync(StorageKind kind, string connectionString, IEnumerable<MigrationScript>? extraScripts = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = EmbeddedSql.Scripts(kind).Concat(extraScripts ?? []).ToList();
        var duplicate = scripts.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new InvalidOperationException($"migration id '{duplicate.Key}' is used twice");

        await using var connection = Open(kind, connectionString);
        await connection.OpenAsync(ct);
        if (kind == StorageKind.Postgres) await ExecAsync(connection, null, $"SELECT pg_advisory_lock({AdvisoryLockKey})", ct);
        else await ExecAsync(connection, null, "PRAGMA journal_mode=WAL", ct);
        try
        {
            await ExecAsync(connection, null, """
                CREATE TABLE IF NOT EXISTS ekyc_schema_migrations (
                    id         VARCHAR(200) NOT NULL PRIMARY KEY,
                    sha256     VARCHAR(64)  NOT NULL,
                    applied_at VARCHAR(40)  NOT NULL
                )
                """, ct);
            var applied = await AppliedAsync(connection, ct);
            foreach (var script in scripts)
            {
                var hash = Sha256(script.Sql);
                if (applied.TryGetValue(script.Id, out var known))
                {
                    if (known != hash)
                        throw new InvalidOperationException($"migration '{script.Id}' was applied with different text (sha256 {known}); released scripts are immutable, add a new script instead");
                    continue;
                }
                await ApplyAsync(connection, script, hash, ct);
            }
            await UpsertQueriesAsync(connection, kind, ct);
        }
        finally
        {
            if (kind == StorageKind.Postgres) await ExecAsync(connection, null, $"SELECT pg_advisory_unlock({AdvisoryLockKey})", CancellationToken.None);
        }
    }

    private static DbConnection Open(StorageKind kind, string connectionString) =>
        kind == StorageKind.Postgres ? new NpgsqlConnection(connectionString) : new SqliteConnection(connectionString);

    private static async Task<Dictionary<string, string>> AppliedAsync(DbConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, sha256 FROM ekyc_schema_migrations";
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied[reader.GetString(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task ApplyAsync(DbConnection connection, MigrationScript script, string hash, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await ExecAsync(connection, transaction, script.Sql, ct);
        await using var record = connection.CreateCommand();
        record.Transaction = transaction;
        record.CommandText = "INSERT INTO ekyc_schema_migrations (id, sha256, applied_at) VALUES (@id, @sha, @at)";
        AddParameter(record, "id", script.Id);
        AddParameter(record, "sha", hash);
        AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        await record.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }

    private static async Task UpsertQueriesAsync(DbConnection connection, StorageKind kind, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        foreach (var (key, text) in EmbeddedSql.Queries(kind))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = """
                INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES (@key, @text)
                ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText
                """;
            AddParameter(command, "key", key);
            AddParameter(command, "text", text);
            await command.ExecuteNonQueryAsync(ct);
        }
        await transaction.CommitAsync(ct);
    }

    private static async Task ExecAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    internal static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n"))));
}
