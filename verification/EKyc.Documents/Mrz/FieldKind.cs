namespace EKyc.Documents.Mrz;

/// <summary>What characters a field may hold; this decides which OCR confusions may be repaired in it.</summary>
public enum FieldKind
{
    /// <summary>Letters and filler only (document code, state codes, names).</summary>
    Alpha,

    /// <summary>Digits only (dates).</summary>
    Numeric,

    /// <summary>A check digit: a digit, or filler for an empty optional field.</summary>
    Check,

    /// <summary>Letters, digits and filler (document number, optional data): repaired only under a check digit.</summary>
    AlphaNumeric,

    /// <summary>M, F, X or filler.</summary>
    Sex,
}
