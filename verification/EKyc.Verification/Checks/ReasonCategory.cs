namespace EKyc.Verification.Checks;

/// <summary>
/// What a failed check's reason means for the decision. The policy acts on the category, never on the code's text,
/// so new checks plug in by choosing categories. Values are persisted: never renumber.
/// </summary>
public enum ReasonCategory
{
    /// <summary>The applicant can fix it by trying again (glare, blur, face too small).</summary>
    Retryable = 0,

    /// <summary>The applicant is not eligible as things stand (document expired, under age).</summary>
    Ineligible = 1,

    /// <summary>Evidence suggests fraud (MRZ and printed fields disagree, duplicate face): a person must look.</summary>
    FraudSignal = 2,

    /// <summary>The machine could not decide (screening hit to confirm, poor model confidence): a person must look.</summary>
    NeedsReview = 3,

    /// <summary>Informational: recorded with the decision, changes nothing.</summary>
    Notice = 4,
}
