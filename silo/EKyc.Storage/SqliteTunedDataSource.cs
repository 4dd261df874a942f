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
/// <para>
/// <c>busy_timeout</c> (read models only): a writer that finds the file locked waits inside SQLite, retrying within
/// milliseconds, instead of failing back to Microsoft.Data.Sqlite, whose own retry sleeps 150 ms. For the read models
/// and the audit chain that lifted onboarding from ≈ 200 to ≈ 280–450 applicants/s; for grain storage it cost the
/// activity streams more than half their rate in the same benchmark (checkpoint writers then queue on the file lock
/// instead of backing off), so grain storage keeps the driver's retry (<c>./ekyc bench ingest</c>, README).
/// </para>
/// </summary>
public sealed class SqliteTunedDataSource(string connectionString, SqliteSynchronous synchronous, int busyTimeoutMs = 0) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new TunedConnection(connectionString, synchronous, busyTimeoutMs);

    private sealed class TunedConnection(string connectionString, SqliteSynchronous synchronous, int busyTimeoutMs) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var command = CreateCommand();
            command.CommandText = $"PRAGMA synchronous={synchronous.ToString().ToUpperInvariant()}; PRAGMA busy_timeout={busyTimeoutMs};";
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
