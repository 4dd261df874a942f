using EKyc.Security;

namespace EKyc.Silo.Hosting;

public enum KeySource
{
    /// <summary>Key files in a directory (default: &lt;DataDirectory&gt;/keys, generated on first start).</summary>
    File = 0,

    /// <summary>EKYC_KEK_CURRENT and EKYC_KEK_&lt;ID&gt; environment variables (e.g. from a Kubernetes Secret).</summary>
    Environment = 1,
}

/// <summary>Where the key-encryption keys come from; section <c>Security:Keys</c>.</summary>
public sealed class KeyOptions
{
    public KeySource Source { get; set; } = KeySource.File;

    /// <summary>Key directory for <see cref="KeySource.File"/>; relative paths are under the data directory.</summary>
    public string Directory { get; set; } = "keys";

    /// <summary>Generate a first key when the directory has none (the embedded default). Off in a cluster, where keys
    /// must come from a Secret shared by every silo.</summary>
    public bool? CreateIfMissing { get; set; }

    public IKeyProvider CreateProvider(HostingOptions hosting)
    {
        ArgumentNullException.ThrowIfNull(hosting);
        return Source == KeySource.Environment
            ? EnvironmentKeyProvider.FromProcess()
            : new FileKeyProvider(Path.Combine(hosting.DataDirectory, Directory), CreateIfMissing ?? hosting.Mode == HostMode.Embedded);
    }
}
