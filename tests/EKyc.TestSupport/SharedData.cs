using Xunit;

namespace EKyc.TestSupport;

/// <summary>
/// Locates <c>../shared/data</c> (beside the repository) or <c>EKYC_DATA_DIR</c>. Users' clones do not have it, so
/// tests that need it skip with a message saying so; CI here has it.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The data directory, or null when it is absent.</summary>
    public static string? Directory => Root.Value;

    /// <summary>Returns the path of a sub-folder of the shared data, or skips the current test.</summary>
    public static string Require(string relative)
    {
        var root = Root.Value;
        var path = root is null ? null : Path.Combine(root, relative);
        if (path is null || !(System.IO.Directory.Exists(path) || File.Exists(path)))
        {
            Assert.Skip($"shared test data '{relative}' is absent (looked for ../shared/data beside the repository and EKYC_DATA_DIR); it ships only with the project's CI machines");
        }
        return path!;
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("EKYC_DATA_DIR");
        if (!string.IsNullOrWhiteSpace(env)) return System.IO.Directory.Exists(env) ? env : null;
        var repo = RepositoryRoot.Find();
        if (repo is null) return null;
        var candidate = Path.GetFullPath(Path.Combine(repo, "..", "shared", "data"));
        return System.IO.Directory.Exists(candidate) ? candidate : null;
    }
}
