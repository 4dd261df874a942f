namespace EKyc.TestSupport;

/// <summary>Finds the repository root by walking up from the test binaries to the solution file.</summary>
public static class RepositoryRoot
{
    public static string? Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "EKyc.Orleans.sln"))) return dir.FullName;
        }
        return null;
    }

    public static string Require() =>
        Find() ?? throw new InvalidOperationException("EKyc.Orleans.sln not found above the test binaries");
}
