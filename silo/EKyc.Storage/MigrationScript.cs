namespace EKyc.Storage;

/// <summary>A schema script with a stable id. Released scripts never change; a change is a new script.</summary>
public sealed record MigrationScript(string Id, string Sql);
