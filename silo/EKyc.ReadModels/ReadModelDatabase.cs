using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace EKyc.ReadModels;

/// <summary>
/// Opens connections to the read-model database (the same database the grains use). For SQLite, pass the data source
/// the grain storage uses, so both open connections with the same per-connection settings (durability, busy waiting).
/// </summary>
public sealed class ReadModelDatabase(DatabaseKind kind, string connectionString, DbDataSource? sqlite = null)
{
    public DatabaseKind Kind => kind;

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = kind == DatabaseKind.Postgres ? new NpgsqlConnection(connectionString)
            : sqlite?.CreateConnection() ?? new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The read model's own schema scripts, in order, for the migration step.</summary>
    public static IReadOnlyList<(string Id, string Sql)> SchemaScripts()
    {
        var assembly = typeof(ReadModelDatabase).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n["EKyc.ReadModels.".Length..^".sql".Length], reader.ReadToEnd());
            })];
    }
}
