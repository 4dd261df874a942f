namespace EKyc.Silo.Screening;

/// <summary>
/// Where the official list files are; section <c>Screening</c>. Any combination may be given. Without any list the
/// screening check is inconclusive and every case goes to manual review: the service never approves unscreened.
/// </summary>
public sealed class ListFilesOptions
{
    /// <summary>Directory holding OFAC's sdn.csv (+ alt.csv, add.csv).</summary>
    public string? OfacDirectory { get; set; }

    /// <summary>The UN consolidated list XML file.</summary>
    public string? UnXmlFile { get; set; }

    /// <summary>The EU consolidated financial sanctions list XML file.</summary>
    public string? EuXmlFile { get; set; }

    /// <summary>How often the list files are checked for a new version; a change re-screens every approved applicant.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(1);
}
