namespace EKyc.Verification.Checks;

/// <summary>The steps of onboarding that checks belong to. Values are persisted: never renumber.</summary>
public enum VerificationStep
{
    /// <summary>Identity document capture: quality, MRZ, visual zone, data validation.</summary>
    Document = 0,

    /// <summary>Selfie: face match to the document portrait, liveness.</summary>
    Selfie = 1,

    /// <summary>Background checks after capture: sanctions/PEP screening, duplicate identities, jurisdiction.</summary>
    Background = 2,
}
