namespace EKyc.Documents.Checks;

/// <summary>What the applicant says they are uploading. Values are persisted: never renumber.</summary>
public enum DocumentKind
{
    Passport = 0,
    IdCard = 1,
    ResidencePermit = 2,
    Visa = 3,
    DrivingLicence = 4,
}
