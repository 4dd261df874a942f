namespace EKyc.Storage;

public enum StorageKind
{
    Sqlite = 0,
    Postgres = 1,
}

/// <summary>
/// The ADO.NET invariant names the Orleans providers use to pick the driver. For SQLite the providers' name is the
/// historical "System.Data.SQLite", which they map to the Microsoft.Data.Sqlite factory.
/// </summary>
public static class StorageInvariants
{
    public const string Sqlite = "System.Data.SQLite";
    public const string Postgres = "Npgsql";

    public static string For(StorageKind kind) => kind == StorageKind.Postgres ? Postgres : Sqlite;
}
