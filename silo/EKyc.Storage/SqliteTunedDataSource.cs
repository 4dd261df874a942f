using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace EKyc.Storage;

/// <summary>
/// A data source for the embedded SQLite file whose connections set per-connection pragmas on open. SQLite settings
/// such as <c>synchronous</c> cannot be put in a connection string, and the Orleans grain-storage provider opens its
/// own connections, so it is given this data source instead of a string.
/// <para>
/// <c>synchronous=NORMAL</c> with WAL (the default here) is durable across process crashes and never corrupts the
/// file; after a power loss the last few committed transactions may be rolled back. <c>FULL</c> syncs every commit
/// (about 3x slower writes on this machine, see README benchmarks).
/// </para>
/// </summary>
public sealed class SqliteTunedDataSource(string connectionString, SqliteSynchronous synchronous) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedConnection(connectionString, synchronous);

    private sealed class TunedConnection(string connectionString, SqliteSynchronous synchronous) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()};";
            command.ExecuteNonQuery();
        }
    }
}

/// <summary>SQLite's commit durability setting (see <see cref="SqliteTunedDataSource"/>).</summary>
public enum SqliteSynchronous
{
    Normal = 0,
    Full = 1,
}
