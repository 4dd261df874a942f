using EKyc.Documents.Viz;
using EKyc.Verification.Checks;

namespace EKyc.Documents.Checks;

/// <summary>Reason codes of the document checks beyond capture quality.</summary>
public static class DocumentReasons
{
    public static readonly ReasonCode MrzCheckDigits = new("mrz_check_digits_failed", ReasonCategory.Retryable,
        "We could not read the machine-readable lines reliably: retake the photo straight on, sharp and without glare.");
    public static readonly ReasonCode MrzInvalidCharacters = new("mrz_invalid_characters", ReasonCategory.Retryable,
        "We could not read the machine-readable lines reliably: retake the photo straight on, sharp and without glare.");
    public static readonly ReasonCode Expired = new("document_expired", ReasonCategory.Ineligible,
        "This document has expired: use a valid passport or identity card.");
    public static readonly ReasonCode UnderAge = new("applicant_under_minimum_age", ReasonCategory.Ineligible);
    public static readonly ReasonCode ImplausibleBirthDate = new("birth_date_implausible", ReasonCategory.NeedsReview);
    public static readonly ReasonCode InvalidDate = new("mrz_invalid_date", ReasonCategory.NeedsReview);
    public static readonly ReasonCode UnknownIssuer = new("document_issuer_unknown", ReasonCategory.NeedsReview);
    public static readonly ReasonCode InvalidSex = new("mrz_invalid_sex", ReasonCategory.NeedsReview);
    public static readonly ReasonCode TypeMismatch = new("document_type_mismatch", ReasonCategory.Retryable,
        "The document you photographed is not the type you selected: choose the right type or photograph the right document.");
    public static readonly ReasonCode NotMachineReadable = new("document_not_machine_readable", ReasonCategory.NeedsReview);
    public static readonly ReasonCode NamePartial = new("document_name_mismatch", ReasonCategory.NeedsReview);
    public static readonly ReasonCode NameDifferent = new("document_name_differs", ReasonCategory.FraudSignal);
    public static readonly ReasonCode BirthDateDiffers = new("document_birth_date_mismatch", ReasonCategory.NeedsReview);
    public static readonly ReasonCode Repaired = new("mrz_repaired_by_check_digits", ReasonCategory.Notice);
    public static readonly ReasonCode PortraitNotFound = new("document_portrait_not_found", ReasonCategory.Retryable,
        "Make sure the photo on your document is visible and not covered by your fingers or glare.");
    public static readonly ReasonCode VizNameMismatch = new("viz_mrz_mismatch_name", ReasonCategory.FraudSignal);
    public static readonly ReasonCode VizBirthDateMismatch = new("viz_mrz_mismatch_birth_date", ReasonCategory.FraudSignal);
    public static readonly ReasonCode VizDocumentNumberMismatch = new("viz_mrz_mismatch_document_number", ReasonCategory.FraudSignal);
    public static readonly ReasonCode VizExpiryMismatch = new("viz_mrz_mismatch_expiry", ReasonCategory.FraudSignal);
    public static readonly ReasonCode VizNotCompared = new("viz_not_compared", ReasonCategory.Notice);

    /// <summary>The printed field disagrees with the MRZ: one of them was altered, so a person must look.</summary>
    public static ReasonCode VizMismatch(VizField field) => field switch
    {
        VizField.Surname or VizField.GivenNames => VizNameMismatch,
        VizField.BirthDate => VizBirthDateMismatch,
        VizField.DocumentNumber => VizDocumentNumberMismatch,
        VizField.Expiry => VizExpiryMismatch,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, null),
    };

    public static readonly ReasonCode BackSideNeeded = new("document_back_side_needed", ReasonCategory.Retryable,
        "Also photograph the back of your card: it carries the machine-readable lines.");
}
