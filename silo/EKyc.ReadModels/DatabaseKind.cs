namespace EKyc.ReadModels;

/// <summary>Which database holds the grains and the read models.</summary>
public enum DatabaseKind
{
    Sqlite = 0,
    Postgres = 1,
}
