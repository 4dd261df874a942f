namespace EKyc.Verification.Schedule;

/// <summary>The applicant's risk tier; it sets how often periodic re-KYC is due. Persisted: never renumber.</summary>
public enum RiskTier
{
    Low = 0,
    Medium = 1,
    High = 2,
}
