using EKyc.ReadModels;
using EKyc.Storage;

namespace EKyc.Silo.Hosting;

/// <summary>The database every provider and the read model share, resolved once from the hosting options.</summary>
public sealed record DatabaseSettings(DatabaseKind Kind, string ConnectionString)
{
    public SqliteSynchronous SqliteSynchronous { get; init; } = SqliteSynchronous.Normal;

    public string Invariant => StorageInvariants.For(StorageKindOf(Kind));

    public static DatabaseSettings From(HostingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Storage == DatabaseKind.Postgres
            ? new DatabaseSettings(DatabaseKind.Postgres, options.PostgresConnectionString!)
            : new DatabaseSettings(DatabaseKind.Sqlite, SqliteConnections.ForDataDirectory(options.DataDirectory)) { SqliteSynchronous = options.SqliteSynchronous };
    }

    public static StorageKind StorageKindOf(DatabaseKind kind) => kind == DatabaseKind.Postgres ? StorageKind.Postgres : StorageKind.Sqlite;

    public ReadModelDatabase ReadModels() =>
        new(Kind, ConnectionString, Kind == DatabaseKind.Sqlite ? new EKyc.Storage.SqliteTunedDataSource(ConnectionString, SqliteSynchronous, busyTimeoutMs: 30_000) : null);

    /// <summary>Applies the Orleans provider schema and the read-model schema.</summary>
    public Task MigrateAsync(CancellationToken cancellationToken) =>
        SchemaMigrator.MigrateAsync(StorageKindOf(Kind), ConnectionString,
            ReadModelDatabase.SchemaScripts().Select(s => new MigrationScript(s.Id, s.Sql)), cancellationToken);
}
