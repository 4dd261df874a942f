namespace EKyc.Verification.Workflow;

/// <summary>Why re-verification became due. Values are persisted: never renumber.</summary>
public enum ReverificationSource
{
    PeriodicSchedule = 0,
    DocumentExpiry = 1,
    AccountFlag = 2,
    ClientRequest = 3,
    ScreeningListChange = 4,
}
