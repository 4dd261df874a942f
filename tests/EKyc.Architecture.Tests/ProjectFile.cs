using System.Xml.Linq;
using EKyc.TestSupport;

namespace EKyc.Architecture.Tests;

/// <summary>A project file's direct references, read from the csproj itself.</summary>
internal sealed record ProjectFile(string Path, IReadOnlyList<string> Packages, IReadOnlyList<string> Projects)
{
    public static ProjectFile Load(string relative)
    {
        var path = System.IO.Path.Combine(RepositoryRoot.Require(), relative);
        var xml = XDocument.Load(path);
        var dir = System.IO.Path.GetDirectoryName(path)!;
        return new ProjectFile(
            relative,
            [.. xml.Descendants("PackageReference").Select(e => (string)e.Attribute("Include")!)],
            [.. xml.Descendants("ProjectReference").Select(e => System.IO.Path.GetFileNameWithoutExtension(
                System.IO.Path.GetFullPath(System.IO.Path.Combine(dir, ((string)e.Attribute("Include")!).Replace('\\', '/')))))]);
    }

    /// <summary>Every project reachable from this one through project references.</summary>
    public IReadOnlySet<string> TransitiveProjects()
    {
        var all = AllProjects();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var queue = new Queue<string>(Projects);
        while (queue.TryDequeue(out var name))
        {
            if (!seen.Add(name) || !all.TryGetValue(name, out var file)) continue;
            foreach (var next in Load(file).Projects) queue.Enqueue(next);
        }
        return seen;
    }

    public static Dictionary<string, string> AllProjects()
    {
        var root = RepositoryRoot.Require();
        return Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal))
            .ToDictionary(p => System.IO.Path.GetFileNameWithoutExtension(p), p => System.IO.Path.GetRelativePath(root, p), StringComparer.Ordinal);
    }
}
