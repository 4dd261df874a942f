namespace EKyc.Verification.Checks;

/// <summary>The verdict of one check. Values are persisted: never renumber.</summary>
public enum CheckOutcome
{
    Pass = 0,
    Fail = 1,
    Inconclusive = 2,
}
