namespace EKyc.Monitoring.Flags;

/// <summary>Where an analyst has taken a flag. Persisted: never renumber.</summary>
public enum FlagStatus
{
    Open = 0,
    Acknowledged = 1,
    Escalated = 2,
    Cleared = 3,
}
