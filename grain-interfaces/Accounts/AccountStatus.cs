namespace EKyc.GrainInterfaces.Accounts;

/// <summary>Persisted: never renumber.</summary>
public enum AccountStatus
{
    Unlinked = 0,
    Active = 1,
    Flagged = 2,
}
