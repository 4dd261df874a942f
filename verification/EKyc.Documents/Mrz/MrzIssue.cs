namespace EKyc.Documents.Mrz;

/// <summary>
/// A finding about an MRZ: a stable snake_case code and, where it concerns one field, the field name. Repairs are
/// findings too (severity <see cref="MrzSeverity.Notice"/>) so an analyst can see what OCR got wrong.
/// </summary>
public sealed record MrzIssue(string Code, MrzSeverity Severity, string? Field = null, string? Detail = null);

public enum MrzSeverity
{
    Notice,
    Error,
}

/// <summary>The codes <see cref="MrzIssue"/> uses.</summary>
public static class MrzIssueCodes
{
    public const string FormatUnrecognized = "mrz_format_unrecognized";
    public const string InvalidCharacters = "mrz_invalid_characters";
    public const string CheckDigitFailed = "mrz_check_digit_failed";
    public const string Repaired = "mrz_repaired";
    public const string InvalidDate = "mrz_invalid_date";
    public const string InvalidSex = "mrz_invalid_sex";
    public const string UnknownIssuingState = "mrz_unknown_issuing_state";
    public const string UnknownNationality = "mrz_unknown_nationality";
    public const string DocumentExpired = "document_expired";
    public const string UnderMinimumAge = "applicant_under_minimum_age";
    public const string BirthDateImplausible = "birth_date_implausible";
    public const string MissingSurname = "mrz_missing_surname";
}
