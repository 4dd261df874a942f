namespace EKyc.Storage;

/// <summary>Reads the SQL shipped as embedded resources: numbered schema scripts and one file per Orleans query key.</summary>
internal static class EmbeddedSql
{
    private const string Prefix = "EKyc.Storage.Sql.";

    public static IEnumerable<MigrationScript> Scripts(StorageKind kind)
    {
        var folder = $"{Prefix}{Folder(kind)}.";
        return Resources()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal) && !n.StartsWith(folder + "queries.", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => new MigrationScript($"{Folder(kind)}/{n[folder.Length..^4]}", Read(n)));
    }

    public static IEnumerable<(string Key, string Text)> Queries(StorageKind kind)
    {
        var folder = $"{Prefix}{Folder(kind)}.queries.";
        return Resources()
            .Where(n => n.StartsWith(folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n => (n[folder.Length..^4], Read(n)));
    }

    private static string Folder(StorageKind kind) => kind == StorageKind.Postgres ? "postgres" : "sqlite";

    // Resource names carry the folder with '/' or '.' depending on how the build named them: compare on dots.
    private static IEnumerable<string> Resources() =>
        Names.Value.Keys.Where(n => n.EndsWith(".sql", StringComparison.Ordinal));

    private static readonly Lazy<Dictionary<string, string>> Names = new(() =>
        typeof(EmbeddedSql).Assembly.GetManifestResourceNames().ToDictionary(n => n.Replace('/', '.').Replace('\\', '.'), n => n, StringComparer.Ordinal));

    private static string Read(string name)
    {
        using var stream = typeof(EmbeddedSql).Assembly.GetManifestResourceStream(Names.Value[name])!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
