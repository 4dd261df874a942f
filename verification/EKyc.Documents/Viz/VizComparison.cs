namespace EKyc.Documents.Viz;

/// <summary>The MRZ fields the printed visual zone is checked against.</summary>
public enum VizField
{
    Surname,
    GivenNames,
    BirthDate,
    DocumentNumber,
    Expiry,
}

/// <summary>How one field of the visual zone compares with the MRZ.</summary>
public enum VizOutcome
{
    /// <summary>The field was not found in the printed text (or the MRZ has no value for it): nothing to conclude.</summary>
    NotCompared,

    /// <summary>The printed value is the MRZ's, allowing for OCR and transliteration.</summary>
    Agrees,

    /// <summary>The printed value was read confidently and is not the MRZ's: one of the two was altered.</summary>
    Differs,
}

/// <summary>The outcome per field, and how many text lines the visual zone yielded.</summary>
public sealed record VizComparison(IReadOnlyDictionary<VizField, VizOutcome> Fields, int LinesRead)
{
    public VizOutcome this[VizField field] => Fields.TryGetValue(field, out var o) ? o : VizOutcome.NotCompared;

    public IEnumerable<VizField> Differing => Fields.Where(f => f.Value == VizOutcome.Differs).Select(f => f.Key);

    public int Compared => Fields.Count(f => f.Value != VizOutcome.NotCompared);
}
