using Microsoft.Data.Sqlite;

namespace EKyc.Storage;

/// <summary>
/// Connection strings for the embedded SQLite file. The Orleans providers open their own connections from the
/// string, so everything that must hold per connection is in it: a generous default timeout, which Microsoft.Data.Sqlite
/// also uses as the busy timeout, so concurrent writers wait instead of failing. WAL is set once on the file by the
/// migrator (it persists in the database).
/// </summary>
public static class SqliteConnections
{
    public const string FileName = "ekyc.db";

    public static string ForDataDirectory(string dataDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);
        var full = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(full);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(full, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
    }
}
