namespace EKyc.Documents.Names;

/// <summary>How the registered name compares with the document's.</summary>
public enum NameMatch
{
    /// <summary>Same words in some ICAO spelling (given names in any order, a registered subset allowed).</summary>
    Match,

    /// <summary>Related (a shared surname or given name) but not the same: a typo, a married name, a missing name.</summary>
    Partial,

    /// <summary>Nothing in common.</summary>
    Different,
}
