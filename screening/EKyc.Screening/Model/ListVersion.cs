namespace EKyc.Screening.Model;

/// <summary>
/// Which file a list was read from: a decision records these so a hit (or the absence of one) can be traced to the
/// exact list content years later.
/// </summary>
/// <param name="Published">The date the publisher stamped in the file when it carries one (UN dateGenerated, EU
/// generationDate); null for formats without one (OFAC legacy CSV, BIS DPL).</param>
/// <param name="Sha256">Lowercase hex SHA-256 of the file bytes.</param>
public sealed record ListVersion(ListSource Source, string FileName, string Sha256, DateTimeOffset? Published, int EntryCount)
{
    public override string ToString() =>
        $"{Source}:{FileName}:sha256={Sha256[..12]}{(Published is { } p ? $":{p:yyyy-MM-dd}" : "")}:{EntryCount}";
}

/// <summary>The entries read from one list plus the versions of the files they came from.</summary>
public sealed record LoadedList(ListSource Source, IReadOnlyList<ListEntry> Entries, IReadOnlyList<ListVersion> Versions);
