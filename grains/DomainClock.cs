namespace EKyc.Grains;

/// <summary>
/// The clock business rules read (schedules, retention, timestamps in state). Kept apart from the TimeProvider the
/// Orleans runtime uses for its own timers, so tests can move business time by years without disturbing the runtime.
/// </summary>
public sealed class DomainClock(TimeProvider time)
{
    public DomainClock()
        : this(TimeProvider.System)
    {
    }

    public DateTimeOffset GetUtcNow() => time.GetUtcNow();
}
