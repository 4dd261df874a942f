namespace EKyc.Screening.Eval;

/// <summary>Finds the shared data folder: --data DIR, else ../shared/data next to the repository root.</summary>
internal static class DataDirectory
{
    public static string? Resolve(string? explicitPath)
    {
        if (explicitPath is not null)
        {
            return Path.GetFullPath(explicitPath);
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EKyc.Orleans.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "data"));
            }
        }

        return null;
    }
}
