namespace EKyc.Verification.Checks;

/// <summary>Names of the facts checks report for later steps. Values are ISO 8601 where they are dates.</summary>
public static class CheckFacts
{
    public const string DocumentExpiry = "document_expiry";
    public const string DocumentType = "document_type";
    public const string IssuingState = "issuing_state";
    public const string BirthDate = "birth_date";
    public const string Nationality = "nationality";

    /// <summary>The document number with all but its last three characters masked: enough to tell documents apart.</summary>
    public const string DocumentNumberMasked = "document_number_masked";
    public const string MrzFormat = "mrz_format";
}
