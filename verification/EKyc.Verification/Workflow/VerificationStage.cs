namespace EKyc.Verification.Workflow;

/// <summary>Where an applicant stands in verification. Values are persisted: never renumber.</summary>
public enum VerificationStage
{
    Registered = 0,
    ConsentGiven = 1,
    AwaitingDocuments = 2,
    AwaitingSelfie = 3,
    UnderVerification = 4,
    Approved = 5,
    Rejected = 6,
    ManualReview = 7,
    ReverificationDue = 8,
    Withdrawn = 9,
}
